/** Runs the scrape stage in a child process so a test can SIGKILL it mid-clone (see resume.test.ts). */
import { runScrape } from "../../src/scrape/index.ts";
import { FAST, scrapeOptions, testContext } from "./support.ts";

const [apiUrl, dataDir, queriesFile] = process.argv.slice(2) as [string, string, string];
const ctx = testContext(dataDir);
await runScrape(ctx, scrapeOptions(apiUrl, { queriesFile, cloneConcurrency: 1 }), FAST);
