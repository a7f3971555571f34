/**
 * Repairs for two known weaknesses of the Kotlin grammar, both keeping every character offset so
 * positions map back to the file unchanged.
 *  1. Silent misparse at top level (annotation + actual/expect/enum/annotation/const/data object read
 *     as an expression, no ERROR): such spans are re-parsed alone, then wrapped in a throwaway object.
 *  2. Files with ERROR nodes: re-parsed after local rewrites; a rewrite is kept only if it lowers
 *     the error count.
 */

/** Offset-preserving rewrites, tried in order; each returns the new text or null when it does not apply. */
export const REWRITES: { name: string; apply: (src: string) => string | null }[] = [
  {
    // class Foo @Inject\n    constructor(…): join the primary constructor onto its class line.
    name: "join_constructor_line",
    apply: (src) => replaceAll(src, /(\b(?:class|object)\s+[^\n{]*)\n(\s*)(?=(?:(?:private|internal|protected|public)\s+)?(?:@[\w.]+(?:\([^)\n]*\))?\s+)*constructor\s*\()/g, (m, head: string, ws: string) => `${head} ${ws}`),
  },
  {
    // @Composable ((Int) -> Unit): drop the outer parentheses of an annotated function type.
    name: "annotated_function_type_parens",
    apply: (src) => {
      let out = src;
      const re = /@[\w.]+\s*\(\s*\(/g;
      let changed = false;
      for (let m = re.exec(src); m; m = re.exec(src)) {
        const open = src.indexOf("(", m.index + 1);
        const close = matchParen(src, open);
        if (close < 0) continue;
        out = out.slice(0, open) + " " + out.slice(open + 1, close) + " " + out.slice(close + 1);
        changed = true;
      }
      return changed ? out : null;
    },
  },
  {
    name: "blank_backing_field_lines",
    apply: (src) => replaceAll(src, /^([ \t]*)field\s*=.*$/gm, (m) => " ".repeat(m.length)),
  },
  {
    // Ktor routing DSL: get("/x") { … } lines read as a continuation of the previous expression.
    name: "semicolon_before_route_calls",
    apply: (src) => replaceAll(src, /^([ \t]+)(?=(?:get|post|put|delete|patch|head|options|route|webSocket)\s*\(\s*"[^"\n]*"\s*\)\s*\{)/gm, (m) => ";" + m.slice(1)),
  },
  {
    name: "blank_accessor_annotations",
    apply: (src) => replaceAll(src, /@[\w.:]+(?:\([^)\n]*\))?(?=\s+(?:get|set)\s*\()/g, (m) => " ".repeat(m.length)),
  },
  {
    // Collection literals in defaults: = [] / = ["a"] → braces of the same length.
    name: "brackets_in_defaults",
    apply: (src) => replaceAll(src, /=\s*\[([^\[\]\n]*)\]/g, (m) => m.replace("[", "{").replace(/\]$/, "}")),
  },
];

function replaceAll(src: string, re: RegExp, fn: (m: string, ...groups: string[]) => string): string | null {
  let changed = false;
  const out = src.replace(re, (...args) => {
    const m = args[0] as string;
    const r = fn(m, ...(args.slice(1, -2) as string[]));
    if (r.length !== m.length) return m; // never move offsets
    if (r !== m) changed = true;
    return r;
  });
  return changed ? out : null;
}

function matchParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
    else if (c === "\n" && depth > 0 && i - open > 500) return -1;
  }
  return -1;
}

/** The throwaway wrapper for a misparsed top-level span: one line, so only offsets shift. */
export const WRAP_PREFIX = "object __KmpdataWrap__ {\n";
export const WRAP_SUFFIX = "\n}\n";
