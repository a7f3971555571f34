import { analyseBatch } from "../src/prepare/analyse.ts";
export default analyseBatch;
