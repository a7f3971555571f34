import { probe } from "../src/validate/probe.ts";
export default probe;
