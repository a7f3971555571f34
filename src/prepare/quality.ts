/**
 * The quality score: seven dimensions, each in [0, 1], combined with fixed weights (they add up to 1).
 * Computed from the target's tokens (comments and strings never count as code), the pair's
 * source set, and what pairs recorded about the prompt (a KDoc description, context found). The table below is also printed in the dataset card, so change both together by
 * changing only QUALITY_DIMENSIONS.
 *
 * | dimension              | weight | 1.0 means                                                                  |
 * |------------------------|--------|----------------------------------------------------------------------------|
 * | implementation_density | 0.22   | ≥ 5 body statements per declared function/class (expression body = 1)      |
 * | control_flow           | 0.13   | ≥ 4 kinds of if/when/for/while/try/?:/?. and ≥ 10 uses in all              |
 * | kmp_specificity        | 0.20   | expect/actual (0.4) + known source set (0.25) + a multiplatform library (0.35) |
 * | documentation          | 0.10   | a KDoc block (0.6) + comment lines ≥ 15 % of code lines (0.4)              |
 * | idiomatic_kotlin       | 0.13   | ≥ 4 idioms: coroutines/Flow, sealed, data class, when, extension fun, scope fun, null-safety, val over var |
 * | size_fit               | 0.12   | 8–120 code lines; linear to 0 below, and from 120 down to 0 at 500         |
 * | prompt                 | 0.10   | a KDoc description in the prompt (0.4) + the project types the target uses shown (0.6) |
 *
 * The score is comparable within a pair type (gradle scripts have little control flow by nature);
 * that is how it is used: dedup keeps the best of a cluster per type, the cap keeps the best of a
 * type, sampling weights within a type.
 */
import type { QualityDims } from "../types.ts";
import { Tok, type LexResult, type Token } from "./lexer.ts";
import type { PromptFacts } from "./types.ts";

export const QUALITY_DIMENSIONS: readonly { key: keyof QualityDims; weight: number; meaning: string }[] = [
  { key: "implementation_density", weight: 0.22, meaning: "body statements per declared function/class; 1.0 at ≥ 5 (an expression body counts 1)" },
  { key: "control_flow", weight: 0.13, meaning: "half for distinct constructs among if/when/for/while/try/?:/?. (1.0 at 4), half for uses (1.0 at 10)" },
  { key: "kmp_specificity", weight: 0.2, meaning: "expect/actual 0.4 + a known source set/platform 0.25 + a multiplatform library or KMP Gradle setup 0.35" },
  { key: "documentation", weight: 0.1, meaning: "a KDoc block 0.6 + comment lines ≥ 15 % of code lines 0.4 (proportional below)" },
  { key: "idiomatic_kotlin", weight: 0.13, meaning: "idioms present out of coroutines/Flow, sealed, data class/object, when, extension function, scope function, null-safety, more val than var; 1.0 at 4" },
  { key: "size_fit", weight: 0.12, meaning: "1.0 for 8–120 code lines, linear to 0 below 8 and from 120 to 500" },
  { key: "prompt", weight: 0.1, meaning: "a KDoc description in the prompt 0.4 + the share of the project types the target uses that the prompt shows 0.6 (all when it uses none)" },
];

// Multiplatform libraries and KMP build markers, matched against package prefixes and names in the text.
const KMP_LIBRARY_MARKERS = [
  "kotlinx.coroutines", "kotlinx.serialization", "kotlinx.datetime", "kotlinx.collections.immutable", "io.ktor", "org.koin",
  "app.cash.sqldelight", "org.jetbrains.compose", "androidx.compose", "okio", "co.touchlab", "com.russhwolf",
  "io.github.aakira.napier", "dev.icerock", "com.arkivanov", "kotlin(\"multiplatform\")", "kotlin.multiplatform",
  "sourceSets", "commonMain", "iosArm64", "iosSimulatorArm64", "androidTarget", "wasmJs",
];
const CONTROL_KINDS: Record<string, string> = { if: "if", when: "when", for: "for", while: "while", do: "while", try: "try", "?:": "elvis", "?.": "safe" };
const SCOPE_FUNCTIONS = new Set(["let", "apply", "also", "run", "with", "takeIf", "takeUnless", "use"]);
const COROUTINE_NAMES = new Set(["launch", "async", "withContext", "coroutineScope", "supervisorScope", "Flow", "StateFlow", "MutableStateFlow", "SharedFlow", "MutableSharedFlow", "flow", "collect", "emit", "Dispatchers"]);
const DECLARING = new Set(["fun", "class", "interface", "object"]);

const clamp = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export interface QualityInput {
  lex: LexResult;
  target: string;
  input: string;
  platform: string;
  prompt: PromptFacts;
}

/** A KDoc-backed request, and a prompt that shows what the target uses (unmeasured counts as shown). */
function promptQuality(p: PromptFacts): number {
  const used = p.typesUsed ?? 0;
  const shown = used > 0 ? 1 - Math.min(used, p.typesMissing ?? 0) / used : 1;
  return clamp((p.kdoc ? 0.4 : 0) + 0.6 * shown);
}

function density(t: Token[]): number {
  let decls = 0;
  let statements = 0;
  let depth = 0;
  let lastCounted = -1;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    if (tok.kind === Tok.Keyword && DECLARING.has(tok.text)) decls++;
    if (tok.kind === Tok.Op && tok.text === "{") depth++;
    else if (tok.kind === Tok.Op && tok.text === "}") depth = Math.max(0, depth - 1);
    else if (depth > 0 && tok.line !== lastCounted) {
      // a body line: counted once, unless it starts a nested declaration
      lastCounted = tok.line;
      if (!(tok.kind === Tok.Keyword && DECLARING.has(tok.text))) statements++;
    }
    // `fun f(…): T = expr`: an expression body at declaration level
    if (tok.kind === Tok.Op && tok.text === "=" && t[i - 1]?.text !== undefined) {
      for (let k = i - 1; k >= 0 && t[k]!.line === tok.line; k--) {
        if (t[k]!.kind === Tok.Keyword && t[k]!.text === "fun") {
          statements++;
          break;
        }
      }
    }
  }
  return clamp(statements / Math.max(1, decls) / 5);
}

function controlFlow(t: Token[]): number {
  const kinds = new Set<string>();
  let uses = 0;
  for (const tok of t) {
    if (tok.kind === Tok.Literal || tok.kind === Tok.Ident) continue;
    const kind = CONTROL_KINDS[tok.text];
    if (kind) {
      kinds.add(kind);
      uses++;
    }
  }
  return clamp(kinds.size / 4) * 0.5 + clamp(uses / 10) * 0.5;
}

function kmpSpecificity(q: QualityInput): number {
  let s = 0;
  if (q.lex.tokens.some((x) => x.kind === Tok.Keyword && (x.text === "expect" || x.text === "actual")) || /\b(expect|actual)\b/.test(q.input)) s += 0.4;
  if (q.platform !== "unknown") s += 0.25;
  if (KMP_LIBRARY_MARKERS.some((m) => q.target.includes(m))) s += 0.35;
  return clamp(s);
}

function documentation(q: QualityInput, codeLines: number): number {
  const kdoc = q.lex.kdocs > 0 ? 0.6 : 0;
  return clamp(kdoc + clamp(q.lex.commentLines / Math.max(1, codeLines) / 0.15) * 0.4);
}

function idiomatic(t: Token[]): number {
  const idioms = new Set<string>();
  let vals = 0;
  let vars = 0;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    const next = t[i + 1];
    if (tok.kind === Tok.Keyword) {
      if (tok.text === "suspend") idioms.add("coroutines");
      else if (tok.text === "sealed") idioms.add("sealed");
      else if (tok.text === "data" && next && (next.text === "class" || next.text === "object")) idioms.add("data");
      else if (tok.text === "when") idioms.add("when");
      else if (tok.text === "val") vals++;
      else if (tok.text === "var") vars++;
      else if (tok.text === "fun") {
        // an extension function: a `.` before the name's `(`
        for (let k = i + 1; k < t.length && k < i + 30; k++) {
          if (t[k]!.text === "(") break;
          if (t[k]!.text === "." && t[k]!.kind === Tok.Op) {
            idioms.add("extension");
            break;
          }
        }
      }
    } else if (tok.kind === Tok.Ident) {
      if (COROUTINE_NAMES.has(tok.text)) idioms.add("coroutines");
      if (SCOPE_FUNCTIONS.has(tok.text) && (t[i - 1]?.text === "." || t[i - 1]?.text === "?.") && next && (next.text === "{" || next.text === "(")) idioms.add("scope");
    } else if (tok.kind === Tok.Op && (tok.text === "?." || tok.text === "?:")) idioms.add("null-safety");
  }
  if (vals > 0 && vals > vars) idioms.add("immutability");
  return clamp(idioms.size / 4);
}

function sizeFit(codeLines: number): number {
  if (codeLines < 8) return clamp(codeLines / 8);
  if (codeLines <= 120) return 1;
  return clamp(1 - (codeLines - 120) / 380);
}

/** Lines that hold at least one token. */
export function codeLineCount(t: Token[]): number {
  let n = 0;
  let last = -1;
  for (const tok of t) {
    if (tok.line !== last) {
      n++;
      last = tok.line;
    }
  }
  return n;
}

export function qualityDims(q: QualityInput): QualityDims {
  const t = q.lex.tokens;
  const codeLines = codeLineCount(t);
  return {
    implementation_density: round3(density(t)),
    control_flow: round3(controlFlow(t)),
    kmp_specificity: round3(kmpSpecificity(q)),
    documentation: round3(documentation(q, codeLines)),
    idiomatic_kotlin: round3(idiomatic(t)),
    size_fit: round3(sizeFit(codeLines)),
    prompt: round3(promptQuality(q.prompt)),
  };
}

export function qualityScore(d: QualityDims): number {
  let s = 0;
  for (const { key, weight } of QUALITY_DIMENSIONS) s += d[key] * weight;
  return Math.round(s * 10000) / 10000;
}
