import extractTask from "../src/extract/worker.ts";
export default extractTask;
