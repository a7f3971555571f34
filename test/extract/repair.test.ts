import { describe, expect, test } from "bun:test";
import { extractSourceFile } from "../../src/extract/api.ts";
import { REWRITES } from "../../src/extract/repair.ts";

const PATH = "shared/src/iosMain/kotlin/a/A.kt";

describe("silent top-level misparse is repaired", () => {
  test.each([
    ['@Suppress("X")\nexpect class Bar {\n    fun a(): Int\n}\n', "Bar", "class", "expect"],
    ['@OptIn(ExperimentalForeignApi::class)\nactual fun uuid(): String {\n    return NSUUID().UUIDString()\n}\n', "uuid", "function", "actual"],
    ['@Suppress("NOTHING_TO_INLINE")\nactual class Clock {\n    actual fun now(): Long = 1L\n}\n', "Clock", "class", "actual"],
    ['@Suppress("unused")\nenum class Kind(val v: Int) {\n    A(1), B(2)\n}\n', "Kind", "class", "enum"],
    ['@Suppress("MayBeConstant")\nactual val name: String = "ios"\n', "name", "property", "actual"],
    ['@Target(AnnotationTarget.CLASS)\nannotation class Marker\n', "Marker", "class", "annotation"],
    ['@Serializable\ndata object Empty\n', "Empty", "object", "data"],
  ])("%#: %s", async (src, name, kind, modifier) => {
    const full = `package a\n\nfun before() {\n    println(0)\n}\n\n/** Docs. */\n${src}\nfun after() {\n    println(1)\n}\n`;
    const r = await extractSourceFile(full, { path: PATH });
    const b = r.blocks.find((x) => x.name === name && x.kind !== "file");
    expect(b).toBeDefined();
    expect(b!.kind).toBe(kind as "class");
    expect(b!.modifiers).toContain(modifier);
    expect(b!.annotations.length).toBe(1);
    expect(b!.kdoc).toBe("/** Docs. */");
    // Ranges map back to the file: the block's code is the file's text at its lines.
    const lines = full.split("\n").slice(b!.start_line - 1, b!.end_line).join("\n");
    expect(lines).toBe(b!.code);
    expect(r.repairs.misparse).toBeGreaterThan(0);
    expect(r.blocks.map((x) => x.name)).toEqual(expect.arrayContaining(["before", "after"]));
  });
});

describe("offset-preserving rewrites", () => {
  test("each rewrite keeps the length", () => {
    const src = 'class A @Inject\n    constructor(x: Int) {\n    var v: Int = 0\n        set(value) {\n            field = value\n        }\n    val g: Int\n        @JvmName("g") get() = 1\n}\nfun f(cb: @Composable ((Int) -> Unit)) {}\nfun r() {\n    routing {\n        get("/a") {\n        }\n    }\n}\nfun d(x: List<Int> = []) {}\n';
    for (const r of REWRITES) {
      const out = r.apply(src);
      if (out !== null) expect(out.length).toBe(src.length);
    }
  });

  test("a file with an error gets fewer errors, and its blocks keep the original text", async () => {
    const src = "package a\n\nclass Holder @Inject\nconstructor(private val x: Int) {\n    fun get(): Int {\n        return x\n    }\n}\n";
    const r = await extractSourceFile(src, { path: PATH });
    const holder = r.blocks.find((b) => b.name === "Holder")!;
    expect(holder).toBeDefined();
    expect(holder.code).toBe(src.slice(src.indexOf("class Holder"), src.length - 1));
    expect(r.repairs.rewrites).toBeGreaterThanOrEqual(0);
    expect(r.blocks.find((b) => b.name === "get")!.has_body).toBe(true);
  });
});

describe("syntax errors are counted, not fatal", () => {
  test("a broken function still lets the rest be extracted", async () => {
    const src = "package a\n\nfun ok() {\n    println(1)\n}\n\nfun broken( {\n    val = \n}\n\nclass Fine {\n    fun g() = 2\n}\n";
    const r = await extractSourceFile(src, { path: PATH });
    expect(r.parse_errors).toBeGreaterThan(0);
    expect(r.blocks.some((b) => b.name === "ok")).toBe(true);
    expect(r.blocks.some((b) => b.parse_errors > 0)).toBe(true);
  });
});

describe("Block.repaired", () => {
  test("every block of a file repaired by a rewrite says so, though its errors were counted on the rewritten text", async () => {
    // The annotated function type in parentheses is an error until annotated_function_type_parens drops them.
    const src = "package a\n\nclass Scene {\n    val content: @Composable (() -> Unit) = {\n        println(1)\n    }\n    fun show() {\n        println(2)\n    }\n}\n";
    const r = await extractSourceFile(src, { path: PATH });
    expect(r.repairs.rewrites).toBeGreaterThan(0);
    expect(r.blocks.length).toBeGreaterThan(1);
    expect(r.blocks.every((b) => b.parse_errors === 0 && b.repaired)).toBe(true);
  });

  test("a file with a re-parsed top-level span: every block says so", async () => {
    const src = 'package a\n\nfun before() {\n    println(0)\n}\n\n@Suppress("X")\nexpect class Bar {\n    fun a(): Int\n}\n';
    const r = await extractSourceFile(src, { path: PATH });
    expect(r.repairs.misparse).toBeGreaterThan(0);
    expect(r.blocks.every((b) => b.repaired)).toBe(true);
  });

  test("a file the grammar reads as written: no block is repaired", async () => {
    const r = await extractSourceFile("package a\n\nclass Fine {\n    fun g() = 2\n}\n", { path: PATH });
    expect(r.repairs).toEqual({ misparse: 0, rewrites: 0 });
    expect(r.blocks.some((b) => b.repaired)).toBe(false);
  });
});
