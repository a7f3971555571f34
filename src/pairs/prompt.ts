/**
 * The pieces every prompt is built from. Prose is either a plain instruction naming code in
 * backticks, or a fact read from the code (its KDoc, source set, platform, the declaration it
 * fulfils); no sentence is made by turning identifiers into words. Code is shown in ```kotlin
 * fences, each of which parses on its own (prepare checks that and drops a row whose code does not).
 */
import type { Block, Platform } from "../types.ts";
import type { Context } from "./context.ts";
import { kdocText } from "./text.ts";

const PLATFORM_LABEL: Record<Platform, string> = {
  common: "code shared by every target",
  android: "Android",
  ios: "iOS",
  apple: "Apple platforms",
  native: "Kotlin/Native",
  jvm: "the JVM",
  desktop: "desktop (JVM)",
  js: "JavaScript",
  wasm: "WebAssembly",
  linux: "Linux",
  macos: "macOS",
  windows: "Windows",
  watchos: "watchOS",
  tvos: "tvOS",
  mixed: "an intermediate source set shared by several targets",
  unknown: "",
};

export function platformLabel(p: Platform): string {
  return PLATFORM_LABEL[p];
}

/**
 * "It belongs to the `iosMain` source set (iOS)."; for the `src/main` or `src/test` of a plain JVM
 * or Android module (which extract files under jvmMain/androidMain), the folder as it is: "It lives
 * in `src/main` of its module (Android)." — "" when extract could not tell.
 */
export function whereSentence(b: Block): string {
  if (b.source_set === "unknown") return "";
  const label = platformLabel(b.platform);
  const facts = [label, b.is_test ? "test code" : ""].filter(Boolean).join(", ");
  const tail = facts ? ` (${facts})` : "";
  const plain = /(^|\/)src\/(main|test)\//.exec(b.path);
  if (plain && !b.path.split("/").includes(b.source_set)) return `It lives in \`src/${plain[2]}\` of its module${tail}.`;
  return `It belongs to the \`${b.source_set}\` source set${tail}.`;
}

/** What a declaration is, as a noun phrase: "the function `f`", "the method `f` of `Owner`", "the data class `C`". */
export function declarationPhrase(b: Block): string {
  const path = b.parent && b.parent !== b.package ? b.parent.split(".") : [];
  const owner = path.pop() ?? null;
  const name = `\`${b.name}\``;
  if (b.kind === "function") {
    if (b.is_composable) return `the composable function ${name}`;
    // A companion's method belongs to the class that holds it (`Companion` is no name a request uses).
    if (owner === "Companion" && path.length) return `the companion-object method ${name} of \`${path.at(-1)}\``;
    if (owner) return `the method ${name} of \`${owner}\``;
    if (b.receiver) return `the extension function ${name} on \`${b.receiver}\``;
    return `the function ${name}`;
  }
  const mods = ["enum", "sealed", "data", "abstract", "value", "annotation"].filter((m) => b.modifiers.includes(m));
  const kind = b.kind === "typealias" ? "type alias" : b.kind === "object" && b.modifiers.includes("companion") ? "companion object" : b.kind;
  return `the ${[...mods, kind].join(" ")} ${name}`;
}

/** The KDoc's description (tags and markup stripped), as written; "" when there is none. */
export function kdocDescription(kdoc: string | null, maxChars = 600): string {
  // Every paragraph up to the length bound: a first paragraph ending "… these plugins:" needs its list.
  const text = kdocText(kdoc).replace(/\s+/g, " ").trim();
  if (!/[a-z]{3,}/i.test(text)) return "";
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const dot = cut.lastIndexOf(". ");
  return dot > 80 ? cut.slice(0, dot + 1) : cut.replace(/\s+\S*$/, "") + " …";
}

export function fence(code: string): string {
  return "```kotlin\n" + code.replace(/\n+$/, "") + "\n```";
}

/** The context section of a prompt, or "" when there is none. */
export function contextSection(ctx: Context | null): string {
  if (!ctx || !ctx.code) return "";
  return `Context from the project:\n${fence(ctx.code)}`;
}

/** Prompt paragraphs joined by blank lines, empty ones left out. */
export function paragraphs(...parts: string[]): string {
  return parts.filter((p) => p.trim() !== "").join("\n\n");
}

/** Sentences joined on one line, empty ones left out. */
export function sentences(...parts: string[]): string {
  return parts.filter(Boolean).join(" ");
}
