/** The worker's grammar check: a target pairs vouches for (meta.target_parses) is not parsed again; the prompt's code still is. */
import { describe, expect, test } from "bun:test";
import { analyseBatch } from "../../src/prepare/analyse.ts";
import { FLAG, type AnalyseItem } from "../../src/prepare/types.ts";

const item = (o: Partial<AnalyseItem>): AnalyseItem => ({
  input_text: "Write it.",
  target_text: "fun ok(): Int {\n    return 1\n}\n",
  path: "shared/src/commonMain/kotlin/A.kt",
  platform: "common",
  prompt: { kdoc: false, typesUsed: null, typesMissing: null },
  targetParses: false,
  ...o,
});

async function flags(items: AnalyseItem[]): Promise<number[]> {
  const r = await analyseBatch({ items, permutations: 16, seed: 1, tokenizer: "chars4" });
  return [...r.flags];
}

describe("analyseBatch and meta.target_parses", () => {
  test("an unvouched target is parsed; a vouched one is trusted; the prompt's code is parsed either way", async () => {
    const broken = "fun broken(x: Int) {\n  return if (x) \n}\n";
    const badPrompt = "Complete it.\n\n```kotlin\nclass A {\n    private val x: Flow<Int> TODO()\n}\n```";
    const [plain, vouched, ok, vouchedBadPrompt, groovy] = await flags([
      item({ target_text: broken }),
      item({ target_text: broken, targetParses: true }),
      item({ targetParses: true }),
      item({ targetParses: true, input_text: badPrompt }),
      item({ target_text: "android {\n  compileSdk 34\n}\n", path: "build.gradle", targetParses: true }),
    ]);
    expect(plain! & FLAG.parseError).toBe(FLAG.parseError);
    expect(vouched! & FLAG.parseError).toBe(0);
    expect(ok).toBe(0);
    expect(vouchedBadPrompt! & FLAG.promptParseError).toBe(FLAG.promptParseError);
    // Not Kotlin: skipped as before, whatever the mark says.
    expect(groovy! & FLAG.parseSkipped).toBe(FLAG.parseSkipped);
  });
});
