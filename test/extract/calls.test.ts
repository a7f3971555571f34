import { describe, expect, test } from "bun:test";
import { scanCalls } from "../../src/extract/calls.ts";
import { extractKotlinSource } from "../../src/extract/api.ts";

const calls = (code: string) => {
  const into = new Set<string>();
  scanCalls(code, 0, code.length, into);
  return [...into].sort();
};

describe("callee names from a body", () => {
  test.each([
    ["{ foo(1); bar.baz(2) }", ["baz", "foo"]],
    ["{ items.forEach { println(it) } }", ["forEach", "println"]],
    ["{ val x = listOf<Int>(1, 2); emptyMap<String, List<Int>>() }", ["emptyMap", "listOf"]],
    ['{ log("call(me) ${render(x)} $y") }', ["log", "render"]],
    ['{ val s = """raw(1) ${inner()}""" }', ["inner"]],
    ["{ // gone(1)\n /* gone2() */ kept() }", ["kept"]],
    ["{ if (a) b() else c() }", ["b", "c"]],
    ["{ when (x) { is Foo -> go(); else -> stop() } }", ["go", "stop"]],
    ["{ try { run() } catch (e: Exception) { report(e) } }", ["report", "run"]],
    ["{ fun local(y: Int): Int { return twice(y) }; local(2) }", ["local", "twice"]],
    ["{ val l = object : Listener { override fun on() = fire() } }", ["fire"]],
    ["{ @Suppress(\"X\") val a = make() }", ["make"]],
    ["{ val r = x ?: error(\"none\") }", ["error"]],
    ["{ click(viewModel::add) }", ["click"]],
    ["{ val t: Flow<Int> = flow { emit(1) } }", ["emit", "flow"]],
    ["{ if (a < b) go() }", ["go"]],
    ["{ val c = 'x'; val d = '(' ; f() }", ["f"]],
    ["{ `weird name`(1) }", ["weird name"]],
    ["{ return@launch }", []],
    ["{ scope.launch {\n  x\n} }", ["launch"]],
    ["{ val a = b\n  (c) }", []],
  ])("%s", (code, expected) => {
    expect(calls(code)).toEqual(expected);
  });

  test("a function's calls and its class's calls (members, init blocks)", async () => {
    const blocks = await extractKotlinSource(
      "class A {\n    init {\n        setup()\n    }\n    fun f() {\n        g(h())\n    }\n}\n",
      { path: "shared/src/commonMain/kotlin/A.kt" },
    );
    expect(blocks.find((b) => b.name === "f")!.calls).toEqual(["g", "h"]);
    expect(blocks.find((b) => b.name === "A")!.calls).toEqual(["g", "h", "setup"]);
    expect(blocks.find((b) => b.kind === "file")!.calls).toEqual(["g", "h", "setup"]);
  });
});
