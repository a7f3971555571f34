import { threadId } from "node:worker_threads";
import { createParser } from "../grammar.ts";

export interface ProbeResult {
  threadId: number;
  rootType: string;
  hasError: boolean;
}

/** Loads the Kotlin grammar in a worker thread and parses a snippet: proves the pool and wasm work. */
export async function probe(source: string): Promise<ProbeResult> {
  const parser = await createParser("kotlin");
  const tree = parser.parse(source);
  if (!tree) throw new Error("the Kotlin parser returned no tree");
  return { threadId, rootType: tree.rootNode.type, hasError: tree.rootNode.hasError };
}
