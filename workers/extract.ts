import { extractBatch } from "../src/extract/worker.ts";
export default extractBatch;
