import pairsTask from "../src/pairs/worker.ts";
export default pairsTask;
