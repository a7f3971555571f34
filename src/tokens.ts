/**
 * Token counts for the --max-input-tokens / --max-target-tokens limits and the length statistics.
 * `bpe` is OpenAI's o200k_base vocabulary from gpt-tokenizer (the GPT-4o/GPT-5 tokenizer): a real BPE,
 * close to what modern code models' tokenizers produce on Kotlin. `chars4` is the old estimate,
 * characters / 4, rounded up. Counting runs in the workers (it is CPU work).
 */
export type TokenizerName = "bpe" | "chars4";

export const TOKENIZER_DESCRIPTION: Record<TokenizerName, string> = {
  bpe: "BPE, OpenAI o200k_base vocabulary (gpt-tokenizer 4.0.0)",
  chars4: "estimate: characters / 4, rounded up",
};

type Counter = (text: string) => number;

let bpe: Promise<Counter> | null = null;

async function loadBpe(): Promise<Counter> {
  const { countTokens } = await import("gpt-tokenizer/encoding/o200k_base");
  // Text that happens to contain "<|endoftext|>" is code, not a control token: count it as text.
  const options = { disallowedSpecial: new Set<string>() };
  return (text) => countTokens(text, options);
}

export async function tokenCounter(name: TokenizerName): Promise<Counter> {
  if (name === "chars4") return (text) => Math.ceil(text.length / 4);
  bpe ??= loadBpe();
  return bpe;
}
