/**
 * The worker side of prepare: for each pair of a batch, lex the target once and derive everything
 * the main thread needs — dedup keys, the MinHash signature, grammar and delimiter checks, token
 * counts and the quality dimensions. The parser and the permutations are made once per thread.
 */
import { threadId } from "node:worker_threads";
import { createParser, type Parser } from "../grammar.ts";
import { fingerprints } from "./fingerprint.ts";
import { lexKotlin } from "./lexer.ts";
import { promptCodeBlocks } from "./promptcode.ts";
import { permutations, signInto, type Permutations } from "./minhash.ts";
import { QUALITY_DIMENSIONS, qualityDims, qualityScore } from "./quality.ts";
import { tokenCounter } from "../tokens.ts";
import { emptyAnalyseResult, FLAG, type AnalyseResult, type AnalyseTask } from "./types.ts";

let parser: Promise<Parser> | null = null;
let perms: { key: string; value: Permutations } | null = null;

/** Targets the Kotlin grammar applies to: .kt and .kts files (Gradle Kotlin scripts included). */
export function isKotlinPath(path: string): boolean {
  const p = path.toLowerCase();
  return p.endsWith(".kt") || p.endsWith(".kts") || !/\.[a-z0-9]+$/.test(p);
}

export async function analyseBatch(task: AnalyseTask): Promise<AnalyseResult> {
  parser ??= createParser("kotlin");
  const p = await parser;
  const permKey = `${task.permutations}:${task.seed}`;
  if (perms?.key !== permKey) perms = { key: permKey, value: permutations(task.permutations, task.seed) };
  const count = await tokenCounter(task.tokenizer);
  const n = task.items.length;
  const k = task.permutations;
  const d = QUALITY_DIMENSIONS.length;
  const out = emptyAnalyseResult(threadId, n, k, d);
  for (let i = 0; i < n; i++) {
    const item = task.items[i]!;
    const target = item.target_text;
    const lex = lexKotlin(target);
    let flags = 0;
    if (lex.tokens.length === 0) flags |= FLAG.emptyTarget;
    if (!lex.balanced) flags |= FLAG.unbalanced;
    if (!isKotlinPath(item.path)) flags |= FLAG.parseSkipped;
    else if (lex.tokens.length > 0 && !item.targetParses) {
      // A target pairs vouches for is clean source text extract already parsed: not parsed again.
      const tree = p.parse(target);
      if (!tree || tree.rootNode.hasError) flags |= FLAG.parseError;
      tree?.delete();
    }
    for (const code of promptCodeBlocks(item.input_text)) {
      const tree = p.parse(code);
      const bad = !tree || tree.rootNode.hasError;
      tree?.delete();
      if (bad) {
        flags |= FLAG.promptParseError;
        break;
      }
    }
    out.flags[i] = flags;
    const fp = fingerprints(lex.tokens);
    out.exactKey[i] = fp.exactKey;
    out.structKey[i] = fp.structKey;
    signInto(fp.shingles, perms.value, out.signatures, i * k);
    out.inputTokens[i] = count(item.input_text);
    out.targetTokens[i] = count(target);
    const dims = qualityDims({ lex, target, input: item.input_text, platform: item.platform, prompt: item.prompt });
    QUALITY_DIMENSIONS.forEach(({ key }, j) => (out.dims[i * d + j] = dims[key]));
    out.score[i] = qualityScore(dims);
  }
  return out;
}
