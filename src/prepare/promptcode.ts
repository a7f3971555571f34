/**
 * The code parts of a prompt: every ```kotlin fence (pairs writes all prompt code in fences). Each
 * is checked with the grammar on its own, so a prompt that shows code a compiler would reject
 * (`val x: T TODO()`, a declaration cut in half) is dropped rather than taught.
 */
const FENCE = /```(?:kotlin|kt|kts)?[ \t]*\n([\s\S]*?)\n?```/g;

export function promptCodeBlocks(prompt: string): string[] {
  const out: string[] = [];
  for (const m of prompt.matchAll(FENCE)) if (m[1]!.trim() !== "") out.push(m[1]!);
  return out;
}
