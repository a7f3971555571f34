/**
 * The one place that knows which tree-sitter grammars kmpdata uses and how they are loaded.
 * The wasm files are embedded into the compiled binary by the `with { type: "file" }` imports
 * and loaded from bytes, so nothing is read from node_modules at run time. Swap a grammar here
 * (and only here) to compare it in `make bench`.
 */
import { readFileSync } from "node:fs";
import { Language, Parser } from "web-tree-sitter";
import runtimeWasm from "web-tree-sitter/tree-sitter.wasm" with { type: "file" };
import kotlinWasm from "@tree-sitter-grammars/tree-sitter-kotlin/tree-sitter-kotlin.wasm" with { type: "file" };
import tomlWasm from "tree-sitter-wasms/out/tree-sitter-toml.wasm" with { type: "file" };

export type GrammarName = "kotlin" | "toml";

const GRAMMAR_FILES: Record<GrammarName, string> = { kotlin: kotlinWasm, toml: tomlWasm };

let runtimeReady: Promise<void> | null = null;
const languages = new Map<GrammarName, Promise<Language>>();

function initRuntime(): Promise<void> {
  runtimeReady ??= Parser.init({ wasmBinary: readFileSync(runtimeWasm) });
  return runtimeReady;
}

/** Loads (once per thread) the named grammar. */
export async function loadLanguage(name: GrammarName): Promise<Language> {
  await initRuntime();
  let lang = languages.get(name);
  if (!lang) {
    lang = Language.load(new Uint8Array(readFileSync(GRAMMAR_FILES[name])));
    languages.set(name, lang);
  }
  return lang;
}

/** A parser for the named grammar. Create one per thread and reuse it: creation is not free. */
export async function createParser(name: GrammarName): Promise<Parser> {
  const language = await loadLanguage(name);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

export type { Node as SyntaxNode, Tree, Parser } from "web-tree-sitter";
