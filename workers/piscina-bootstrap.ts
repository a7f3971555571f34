// The compiled binary cannot see node_modules/piscina/dist/worker.js by path; this entry embeds it
// and scripts/build.ts points piscina at it (see BUILD-NOTES).
import "../node_modules/piscina/dist/worker.js";
