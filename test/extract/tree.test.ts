import { expect, test } from "bun:test";
import { createParser } from "../../src/grammar.ts";
import { named } from "../../src/extract/tree.ts";

test("the child cache never hands out nodes of a deleted tree whose id was reused", async () => {
  const parser = await createParser("kotlin");
  // Without a reset between files, a later tree often reuses the root address of a freed one.
  for (let i = 0; i < 40; i++) {
    const src = i % 2 === 0 ? `fun f${i}() = 1\nclass C${i}\n` : `import a.b${i}\nval v${i} = 2\n`;
    const tree = parser.parse(src)!;
    const types = named(tree.rootNode).map((n) => n.type);
    expect(types).toEqual(i % 2 === 0 ? ["function_declaration", "class_declaration"] : ["import", "property_declaration"]);
    tree.delete();
  }
});
