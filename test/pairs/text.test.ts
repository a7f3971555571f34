import { describe, expect, test } from "bun:test";
import { dedentDeclaration, importLines, kdocSummary, libraryOf, neededImports, normalisedForDedup, normLine } from "../../src/pairs/text.ts";

describe("text helpers", () => {
  test.each([
    ["/** Loads the user. Caches it too. */", "Loads the user."],
    ["/**\n * Syncs the cart\n * with the server\n *\n * More detail.\n * @param id the cart\n */", "Syncs the cart with the server"],
    ["/**\n * @return nothing\n */", ""],
    [null, ""],
  ])("kdocSummary(%p)", (kdoc, expected) => expect(kdocSummary(kdoc)).toBe(expected));

  test("neededImports keeps the imports the code names (aliases and stars included)", () => {
    const imports = ["a.b.Flow", "a.b.Unused", "c.d.Json as J", "e.f.*"];
    expect(neededImports(imports, "fun x(): Flow<Int> = J.decode(s)")).toEqual(["a.b.Flow", "c.d.Json as J", "e.f.*"]);
    expect(importLines(["c.d.Json as J", "a.b.Flow"])).toBe("import c.d.Json as J\nimport a.b.Flow");
  });

  test.each([
    ["io.ktor.client.call.body", "io.ktor.client"],
    ["kotlinx.coroutines.flow.Flow", "kotlinx.coroutines"],
    ["androidx.compose.material3.Text", "androidx.compose.material3"],
    ["org.koin.Koin", "org.koin"],
  ])("libraryOf(%s)", (imp, lib) => expect(libraryOf(imp)).toBe(lib));

  test("normLine ignores whitespace, braces-only lines and comment markers", () => {
    expect(normLine("   return   x +  1 ")).toBe("return x + 1");
    expect(normLine("  }) ")).toBe("");
    expect(normLine(" * val y = 2")).toBe("val y = 2");
  });
});

describe("dedentDeclaration", () => {
  test("shifts a member's later lines to column 0", () => {
    expect(dedentDeclaration("fun run() {\n        println(1)\n    }")).toBe("fun run() {\n    println(1)\n}");
  });
  test("leaves top-level code and odd indentation alone", () => {
    expect(dedentDeclaration("fun a() {\n    b()\n}")).toBe("fun a() {\n    b()\n}");
    expect(dedentDeclaration("fun a() {\nx()\n    }")).toBe("fun a() {\nx()\n    }");
  });
});

describe("normalisedForDedup", () => {
  test("trims lines, collapses whitespace runs and drops blank lines: copies that differ only in layout are one target", () => {
    expect(normalisedForDedup("  fun a() {\n\n      b(1,   2)\n  }\n")).toBe("fun a() {\nb(1, 2)\n}");
  });
});
