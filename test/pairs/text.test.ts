import { describe, expect, test } from "bun:test";
import { RepoBlocks } from "../../src/pairs/repo.ts";
import { kdocDescription } from "../../src/pairs/prompt.ts";
import { block } from "./support.ts";
import { dedentDeclaration, importLines, kdocSummary, libraryOf, neededImports, normalisedForDedup, normLine } from "../../src/pairs/text.ts";

describe("text helpers", () => {
  test.each([
    ["/** Loads the user. Caches it too. */", "Loads the user."],
    ["/**\n * Syncs the cart\n * with the server\n *\n * More detail.\n * @param id the cart\n */", "Syncs the cart with the server"],
    ["/**\n * @return nothing\n */", ""],
    [null, ""],
    ["/** Creates a context (e.g. for tests) and starts it. Then more. */", "Creates a context (e.g. for tests) and starts it."],
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

test("a KDoc description keeps every paragraph within its bound: a list introduced by a colon is not cut off", () => {
  const kdoc = "/**\n * Applies the plugins:\n *\n * - android\n * - kotlin\n *\n * Then configures them.\n */";
  expect(kdocDescription(kdoc)).toBe("Applies the plugins: - android - kotlin Then configures them.");
});

describe("dedentDeclaration", () => {
  test("shifts a member's later lines to column 0", () => {
    expect(dedentDeclaration("fun run() {\n        println(1)\n    }")).toBe("fun run() {\n    println(1)\n}");
  });
  test("leaves top-level code and odd indentation alone", () => {
    expect(dedentDeclaration("fun a() {\n    b()\n}")).toBe("fun a() {\n    b()\n}");
    expect(dedentDeclaration("fun a() {\nx()\n    }")).toBe("fun a() {\nx()\n    }");
  });
  test("with the declaration's column known, an expression body whose last line is indented further keeps its layout", () => {
    const member = "fun squares(n: Int) =\n        List(n) {\n            it * it\n        }";
    expect(dedentDeclaration(member, 4)).toBe("fun squares(n: Int) =\n    List(n) {\n        it * it\n    }");
    // The closing line's indentation (8) would have put `List(n) {` at column 0.
    expect(dedentDeclaration(member)).toBe("fun squares(n: Int) =\nList(n) {\n    it * it\n}");
    const prop = "var name: String\n        get() = field\n        set(value) { field = value }";
    expect(dedentDeclaration(prop, 4)).toBe("var name: String\n    get() = field\n    set(value) { field = value }");
  });
  test("the repository knows a declaration's column from its file", () => {
    const code = "class A {\n    fun squares(n: Int) =\n        List(n) {\n            it * it\n        }\n}\n";
    const path = "shared/src/commonMain/kotlin/com/acme/app/A.kt";
    const file = block(code, { kind: "file", name: "A.kt", path, start_line: 1, end_line: 6 });
    const member = block("fun squares(n: Int) =\n        List(n) {\n            it * it\n        }", { name: "squares", path, start_line: 2, end_line: 5 });
    const repo = new RepoBlocks("acme/app", [file, member]);
    expect(repo.indentOf(member)).toBe(4);
    expect(repo.dedent(member)).toBe("fun squares(n: Int) =\n    List(n) {\n        it * it\n    }");
  });
});

describe("normalisedForDedup", () => {
  test("trims lines, collapses whitespace runs and drops blank lines: copies that differ only in layout are one target", () => {
    expect(normalisedForDedup("  fun a() {\n\n      b(1,   2)\n  }\n")).toBe("fun a() {\nb(1, 2)\n}");
  });
});
