import { describe, expect, test } from "bun:test";
import { extractKotlinSource } from "../../src/extract/api.ts";
import type { Block } from "../../src/types.ts";

const PATH = "shared/src/commonMain/kotlin/com/example/A.kt";

async function blocks(src: string, path = PATH): Promise<Block[]> {
  return extractKotlinSource(src, { repo: "acme/app", path });
}
async function one(src: string, name: string): Promise<Block> {
  const b = (await blocks(src)).find((x) => x.name === name && x.kind !== "file");
  if (!b) throw new Error(`no block named ${name}`);
  return b;
}

describe("a class delegating to a call", () => {
  test("its `{ … }` is the class body, not a lambda of the delegate: members, body ranges and a signature without the body", async () => {
    const src = "class FeedStore(private val reader: Reader) : Store, CoroutineScope by CoroutineScope(Dispatchers.Main) {\n    private val state = 1\n    fun load(x: Int): Int {\n        return x + state\n    }\n}\n";
    const b = await one(src, "FeedStore");
    expect(b.signature).toBe("class FeedStore(private val reader: Reader) : Store, CoroutineScope by CoroutineScope(Dispatchers.Main)");
    expect(b.members.map((m) => m.name)).toEqual(["state", "load"]);
    expect(b.members[0]).toEqual({ kind: "property", name: "state", signature: "private val state = 1", has_body: false, is_abstract: false });
    expect(b.body_ranges).toHaveLength(1);
    expect((await one(src, "load")).parent).toBe("FeedStore");
  });
});

describe("plain properties are members", () => {
  test("with their declared type, or a short initializer that tells it; abstract in an interface", async () => {
    const src = "class Vm(private val repo: Repo) {\n    private val _state = MutableStateFlow(UiState())\n    val items: List<Item> = listOf(\n        Item(1),\n    )\n    private val big = buildList {\n        add(1)\n    }\n    fun load() {\n        _state.value = UiState()\n    }\n}\ninterface Named {\n    val name: String\n}\n";
    const vm = await one(src, "Vm");
    expect(vm.members.map((m) => [m.name, m.signature])).toEqual([
      ["_state", "private val _state = MutableStateFlow(UiState())"],
      ["items", "val items: List<Item>"],
      ["big", "private val big"],
      ["load", "fun load()"],
    ]);
    expect((await one(src, "Named")).members).toEqual([{ kind: "property", name: "name", signature: "val name: String", has_body: false, is_abstract: true }]);
  });
});

describe("kinds", () => {
  test.each([
    ["fun top(x: Int): Int {\n    return x + 1\n}\n", "top", "function", []],
    ["suspend fun load() {\n    delay(1)\n}\n", "load", "function", ["suspend"]],
    ["operator fun Vec.plus(o: Vec): Vec = Vec(x + o.x)\n", "plus", "function", ["operator"]],
    ["data class P(val x: Int)\n", "P", "class", ["data"]],
    ["sealed class R {\n    data class Ok(val v: Int) : R()\n}\n", "R", "class", ["sealed"]],
    ["enum class E(val v: Int) {\n    A(1), B(2);\n    fun twice() = v * 2\n}\n", "E", "class", ["enum"]],
    ["abstract class Base {\n    abstract fun go()\n}\n", "Base", "class", ["abstract"]],
    ["@JvmInline\nvalue class Id(val raw: String)\n", "Id", "class", ["value"]],
    ["annotation class Marker\n", "Marker", "class", ["annotation"]],
    ["interface Repo {\n    fun all(): List<Int>\n}\n", "Repo", "interface", []],
    ["fun interface Listener {\n    fun on(x: Int)\n}\n", "Listener", "interface", ["fun"]],
    ["sealed interface State\n", "State", "interface", ["sealed"]],
    ["object Single {\n    fun hi() = 1\n}\n", "Single", "object", []],
    ["data object Loading\n", "Loading", "object", ["data"]],
    ["typealias Handler = (Int) -> Unit\n", "Handler", "typealias", []],
    ["val lazyValue: String by lazy {\n    compute()\n}\n", "lazyValue", "property", []],
    ["val size: Int\n    get() = items.size\n", "size", "property", []],
  ])("%#: %s", async (src, name, kind, mods) => {
    const b = await one(src, name);
    expect(b.kind).toBe(kind as Block["kind"]);
    for (const m of mods) expect(b.modifiers).toContain(m);
  });

  test.each([
    ["val appModule = module {\n    single { Repo(get()) }\n}\n", "appModule", "module {", ["Repo", "get", "module", "single"], "DIModule"],
    ["private val listener = object : Listener {\n    override fun on(x: Int) {\n        handle(x)\n    }\n}\n", "listener", "object : Listener", ["handle"], null],
    ["val onClick = fun(x: Int) {\n    go(x)\n}\n", "onClick", "fun(x: Int)", ["go"], null],
  ])("a property whose multi-line initializer holds code is a block: %s", async (src, name, bodyStart, calls, pattern) => {
    const b = await one(src, name);
    expect(b.kind).toBe("property");
    expect(b.has_body).toBe(true);
    expect(b.body_ranges).toHaveLength(1);
    expect(b.code.slice(b.body_ranges[0]!.start, b.body_ranges[0]!.end).startsWith(bodyStart)).toBe(true);
    expect(b.calls).toEqual(calls);
    expect(b.arch_pattern).toBe(pattern);
  });

  test.each([["val x = compute(1)\n"], ["val y = listOf(1).map { it * 2 }\n"], ["private const val TAG = \"x\"\n"]])(
    "a one-line initializer is not a block: %s",
    async (src) => {
      expect((await blocks(src)).filter((b) => b.kind === "property")).toEqual([]);
    },
  );

  test("an extension property names its receiver", async () => {
    const b = await one("val String.shout: String\n    get() = uppercase() + \"!\"\n", "shout");
    expect(b.receiver).toBe("String");
    expect(b.return_type).toBe("String");
  });

  test("a file without declarations is still a file block; a header-only file is not", async () => {
    const consts = await blocks("package a\n\nconst val A = 1\nconst val B = 2\n");
    expect(consts.map((b) => b.kind)).toEqual(["file"]);
    expect(await blocks("package a\n\nimport b.C\n")).toEqual([]);
  });

  test("a plain property without accessor body or delegate is not a block", async () => {
    expect((await blocks("val plain = 3\n")).filter((b) => b.kind === "property")).toEqual([]);
  });

  test("companion objects and nested declarations name their parent", async () => {
    const bs = await blocks("package com.example\n\nclass Outer {\n    class Inner {\n        fun f() {\n            println(1)\n        }\n    }\n    companion object {\n        fun make() = Outer()\n    }\n}\n");
    const inner = bs.find((b) => b.name === "Inner")!;
    expect(inner.parent).toBe("com.example.Outer");
    expect(inner.qualified_name).toBe("com.example.Outer.Inner");
    expect(bs.find((b) => b.name === "f")!.parent).toBe("com.example.Outer.Inner");
    const comp = bs.find((b) => b.name === "Companion")!;
    expect(comp.kind).toBe("object");
    expect(comp.modifiers).toContain("companion");
    expect(bs.find((b) => b.name === "make")!.qualified_name).toBe("com.example.Outer.Companion.make");
  });

  test("members of enum entries are named after their entry", async () => {
    const src = "package p\n\nenum class Color {\n    RED {\n        override fun label() = \"red\"\n    },\n    GREEN {\n        override fun label() = \"green\"\n    };\n\n    abstract fun label(): String\n}\n";
    const labels = (await blocks(src)).filter((b) => b.name === "label");
    expect(labels.map((b) => [b.qualified_name, b.parent])).toEqual([
      ["p.Color.RED.label", "p.Color.RED"],
      ["p.Color.GREEN.label", "p.Color.GREEN"],
      ["p.Color.label", "p.Color"],
    ]);
    expect(new Set(labels.map((b) => b.id)).size).toBe(3);
  });

  test("a file block holds the whole file and its top-level members", async () => {
    const src = "package com.example\n\nimport kotlin.math.max\n\nfun a() = max(1, 2)\n\nclass B {\n    fun c() {\n        a()\n    }\n}\n";
    const file = (await blocks(src)).find((b) => b.kind === "file")!;
    expect(file.code).toBe(src);
    expect(file.name).toBe("A.kt");
    expect(file.members.map((m) => m.name)).toEqual(["a", "B"]);
    expect(file.imports).toEqual(["kotlin.math.max"]);
    expect(file.has_body).toBe(true);
    for (const r of file.body_ranges) expect(["max(1, 2)", "{\n        a()\n    }"]).toContain(src.slice(r.start, r.end));
  });
});

describe("fields", () => {
  const SRC = `package com.example.notes

import kotlinx.coroutines.flow.Flow
import com.example.core.BaseViewModel

/** Shows the notes. */
@Stable
class NotesViewModel(private val repo: NotesRepository, val id: Long) : BaseViewModel(), Closeable {
    fun <T : Any> T.load(limit: Int = 10): List<Note>? {
        val all = repo.all()
        return all.take(limit)
    }

    override fun close() {
        repo.close()
    }
}
`;
  test("class: kdoc, annotations, supertypes, params, members, lines, code, signature", async () => {
    const b = await one(SRC, "NotesViewModel");
    expect(b.kdoc).toBe("/** Shows the notes. */");
    expect(b.annotations).toEqual(["Stable"]);
    expect(b.supertypes).toEqual(["BaseViewModel", "Closeable"]);
    expect(b.params).toEqual([
      { name: "repo", type: "NotesRepository" },
      { name: "id", type: "Long" },
    ]);
    expect(b.members.map((m) => [m.kind, m.name, m.has_body])).toEqual([
      ["function", "load", true],
      ["function", "close", true],
    ]);
    expect(b.start_line).toBe(6);
    expect(b.end_line).toBe(17);
    expect(b.code.startsWith("/** Shows the notes. */\n@Stable\nclass NotesViewModel")).toBe(true);
    expect(b.signature).toBe("@Stable\nclass NotesViewModel(private val repo: NotesRepository, val id: Long) : BaseViewModel(), Closeable");
    expect(b.package).toBe("com.example.notes");
    expect(b.imports).toEqual(["kotlinx.coroutines.flow.Flow", "com.example.core.BaseViewModel"]);
    expect(b.arch_pattern).toBe("ViewModel");
    expect(b.body_statements).toBe(3);
    expect(b.calls).toEqual(["all", "close", "take"]);
    expect(b.source_set).toBe("commonMain");
    expect(b.platform).toBe("common");
    expect(b.repo).toBe("acme/app");
  });

  test("function: receiver, type params, return type, params with defaults", async () => {
    const f = await one(SRC, "load");
    expect(f.receiver).toBe("T");
    expect(f.type_params).toEqual(["T : Any"]);
    expect(f.return_type).toBe("List<Note>?");
    expect(f.params).toEqual([{ name: "limit", type: "Int" }]);
    expect(f.parent).toBe("com.example.notes.NotesViewModel");
  });

  test("ids are stable and distinct", async () => {
    const a = await blocks(SRC);
    const b = await blocks(SRC);
    expect(a.map((x) => x.id)).toEqual(b.map((x) => x.id));
    expect(new Set(a.map((x) => x.id)).size).toBe(a.length);
  });

  test("body ranges cut exactly the bodies (what skeletons replace)", async () => {
    const b = await one(SRC, "NotesViewModel");
    expect(b.body_ranges.map((r) => b.code.slice(r.start, r.end))).toEqual([
      "{\n        val all = repo.all()\n        return all.take(limit)\n    }",
      "{\n        repo.close()\n    }",
    ]);
  });

  test("composable: annotation, calls and pattern", async () => {
    const b = await one('@Composable\nfun NoteCard(note: Note, onClick: () -> Unit) {\n    Card {\n        Text(note.title)\n    }\n}\n', "NoteCard");
    expect(b.is_composable).toBe(true);
    expect(b.calls).toEqual(["Card", "Text"]);
    expect(b.arch_patterns).toContain("Component");
  });

  test("expect and actual", async () => {
    expect((await one("expect fun now(): Long\n", "now")).is_expect).toBe(true);
    const a = await one("actual fun now(): Long {\n    return System.currentTimeMillis()\n}\n", "now");
    expect(a.is_actual).toBe(true);
    expect(a.has_body).toBe(true);
    const v = await one("actual val platform: String = \"jvm\"\n", "platform");
    expect(v.kind).toBe("property");
    expect(v.is_actual).toBe(true);
  });
});

describe("has_body from the tree", () => {
  test.each([
    ["fun f() {\n    println(1)\n}\n", true, 1],
    ["fun f() = compute()\n", true, 1],
    ["fun f() {\n    val a = 1\n    return\n}\n", true, 2],
    ["fun f() {}\n", false, 0],
    ["fun f() {\n    // nothing yet\n}\n", false, 0],
    ["fun f() = TODO()\n", false, 0],
    ["fun f(): Int = TODO(\"later\")\n", false, 0],
    ["fun f() {\n    TODO()\n}\n", false, 0],
    ["fun f() {\n    throw NotImplementedError(\"x\")\n}\n", false, 0],
    ["fun f() {\n    throw IllegalStateException(\"x\")\n}\n", true, 1],
    ["fun f() { go() }\n", true, 1],
    // Comment and placeholder markers inside a body send the count down the careful path.
    ["fun f() {\n    // step one\n    go()\n    log(\"TODO later\") /* not a placeholder */\n}\n", true, 2],
  ])("%#: %s → %p", async (src, hasBody, statements) => {
    const b = await one(src, "f");
    expect(b.has_body).toBe(hasBody);
    expect(b.body_statements).toBe(statements);
  });

  test("abstract members have no body; a class has one when one function does", async () => {
    const src = "abstract class A {\n    abstract fun x(): Int\n    fun y(): Int {\n        return x() + 1\n    }\n}\n";
    const bs = await blocks(src);
    expect(bs.find((b) => b.name === "x")!.has_body).toBe(false);
    expect(bs.find((b) => b.name === "A")!.has_body).toBe(true);
    const iface = await one("interface I {\n    fun a()\n    fun b(): Int\n}\n", "I");
    expect(iface.has_body).toBe(false);
    expect(iface.members.every((m) => !m.has_body)).toBe(true);
    const todos = await one("class T {\n    fun a() = TODO()\n    fun b() {\n        TODO()\n    }\n}\n", "T");
    expect(todos.has_body).toBe(false);
  });
});

describe("a file's members", () => {
  test("its top-level declarations and the top-level values that have no block, in source order", async () => {
    const src = 'private const val TAG = "app"\nfun log(m: String) {\n    println(TAG + m)\n}\nval DarkColors = listOf(\n    1,\n)\n';
    const file = (await blocks(src)).find((b) => b.kind === "file")!;
    expect(file.members.map((m) => [m.kind, m.name, m.signature])).toEqual([
      ["property", "TAG", 'private const val TAG = "app"'],
      ["function", "log", "fun log(m: String)"],
      ["property", "DarkColors", "val DarkColors"],
    ]);
  });
});
