import fusedTask from "../src/fused/worker.ts";
export default fusedTask;
