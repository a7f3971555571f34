import { describe, expect, test } from "bun:test";
import { buildContext, codeIdentifiers, declaredType } from "../../src/pairs/context.ts";
import { composablePairs } from "../../src/pairs/generators/composable.ts";
import { expectActualPairs } from "../../src/pairs/generators/expectActual.ts";
import { interfaceImplementationPairs } from "../../src/pairs/generators/interfaceImpl.ts";
import { fullFilePairs } from "../../src/pairs/generators/fullFile.ts";
import { whereSentence } from "../../src/pairs/prompt.ts";
import { canSee, enumEntries, moduleOf, oneLine, renderClassLike, SymbolIndex } from "../../src/pairs/symbols.ts";
import type { Block } from "../../src/types.ts";
import { block, cfg, fileOf, generate, PKG, repoOf } from "./support.ts";

const tools = { count: (t: string) => Math.ceil(t.length / 4), budget: 600, maxInputTokens: 1000 };
const contextFor = (target: Block, blocks: Block[], prompt = "Implement it.") => {
  const repo = repoOf([target, ...blocks]);
  return buildContext({ target, prompt, imports: true, enclosing: true }, repo, new SymbolIndex(repo), tools);
};
const cls = (name: string, code: string, o: Partial<Block> = {}) => block(code, { name, kind: "class", path: `shared/src/commonMain/kotlin/com/acme/app/${name}.kt`, ...o });

describe("which declaration a name means (resolved as the using file sees it)", () => {
  const user = cls("User", "data class User(val id: String)");
  const uses = (imports: string[], o: Partial<Block> = {}) =>
    block("fun load(): User ⟦{\n    return User(\"1\")\n}⟧", { name: "load", path: "shared/src/commonMain/kotlin/com/acme/app/Load.kt", imports, ...o });

  test("a same-package type is shown by signature", () => {
    const ctx = contextFor(uses([]), [user]);
    expect(ctx.used).toEqual(["User"]);
    expect(ctx.code).toContain("data class User(val id: String)");
  });

  test("an explicit import of a library type of the same name wins: nothing of the project is shown", () => {
    const ctx = contextFor(uses(["com.library.User"]), [user]);
    expect(ctx.used).toEqual([]);
    expect(ctx.code).not.toContain("data class User");
  });

  test("another package's type needs an import; test code is not seen from main code; a private type only from its file", () => {
    const other = cls("User", "data class User(val id: String)", { package: "com.other" });
    expect(contextFor(uses([]), [other]).used).toEqual([]);
    expect(contextFor(uses(["com.other.User"]), [other]).used).toEqual(["User"]);
    expect(contextFor(uses([]), [{ ...user, is_test: true }]).used).toEqual([]);
    expect(contextFor(uses([]), [{ ...user, signature: "private data class User(val id: String)" }]).used).toEqual([]);
  });

  test("of an expect and its actuals, the actual of the using code's source set", () => {
    const expectPath = cls("Path", "expect class Path {\n    val name: String\n}", { is_expect: true, members: [{ kind: "property", name: "name", signature: "val name: String", has_body: false, is_abstract: true }] });
    const iosPath = cls("Path", "actual class Path(val url: NSURL) {\n    actual val name: String get() = ⟦url.lastPathComponent⟧\n}", {
      id: "ios-path",
      is_actual: true,
      source_set: "iosMain",
      platform: "ios",
      path: "shared/src/iosMain/kotlin/com/acme/app/Path.ios.kt",
    });
    const onIos = block("fun show(p: Path): String ⟦{\n    return p.name\n}⟧", { name: "show", source_set: "iosMain", platform: "ios", path: "shared/src/iosMain/kotlin/com/acme/app/Show.kt" });
    expect(contextFor(onIos, [expectPath, iosPath]).code).toContain("actual class Path(val url: NSURL)");
    const common = { ...onIos, id: "common-show", source_set: "commonMain", platform: "common" as const, path: "shared/src/commonMain/kotlin/com/acme/app/Show.kt" };
    expect(contextFor(common, [expectPath, iosPath]).code).toContain("expect class Path");
  });

  test("a KDoc link and a type parameter are not uses", () => {
    const c = cls("C", "data class C(val v: Int)");
    const fn = block("/** Wraps a [User]. */\nfun <C> wrap(x: C): List<C> ⟦{\n    return listOf(x)\n}⟧", { name: "wrap", type_params: ["C"], kdoc: "/** Wraps a [User]. */" });
    expect(contextFor(fn, [c, user]).used).toEqual([]);
    expect([...codeIdentifiers('// User\nval s = "User"\nval u = Other')]).toEqual(["s", "u", "Other"]);
  });

  test("top-level values and helpers the target uses are shown; the function's own members are not", () => {
    const file = fileOf("shared/src/commonMain/kotlin/com/acme/app/Log.kt", [], {
      members: [{ kind: "property", name: "LOG_TAG", signature: 'private const val LOG_TAG = "app"', has_body: false, is_abstract: false }],
    });
    const helper = block("fun tagged(msg: String): String = ⟦\"[$LOG_TAG] $msg\"⟧", { name: "tagged", path: file.path, start_line: 10, end_line: 10 });
    const log = block("fun log(msg: String) ⟦{\n    println(tagged(msg) + LOG_TAG)\n}⟧", { name: "log", path: file.path, calls: ["println", "tagged"] });
    const ctx = contextFor(log, [file, helper]);
    expect(ctx.code).toContain('private const val LOG_TAG = "app"');
    expect(ctx.code).toContain("fun tagged(msg: String): String");
  });
});

describe("types reached without being named", () => {
  const mem = (kind: "property" | "function", name: string, signature: string) => ({ kind, name, signature, has_body: kind === "function", is_abstract: false });
  const repoT = cls("UserRepository", "interface UserRepository {\n    suspend fun load(id: String): UserPage\n    fun clear()\n}", {
    kind: "interface",
    members: [mem("function", "load", "suspend fun load(id: String): UserPage"), mem("function", "clear", "fun clear()")],
  });
  const page = cls("UserPage", "data class UserPage(val items: List<Item>, val next: String?)", { params: [{ name: "items", type: "List<Item>" }, { name: "next", type: "String?" }] });
  const item = cls("Item", "data class Item(val title: String)", { params: [{ name: "title", type: "String" }] });
  const unrelated = cls("Settings", "class Settings {\n    val dark: Boolean = false\n}", { members: [mem("property", "dark", "val dark: Boolean = false")] });
  const base = cls("BaseViewModel", "abstract class BaseViewModel {\n    fun launchIo(block: suspend () -> Unit) {}\n}", {
    members: [mem("function", "launchIo", "fun launchIo(block: suspend () -> Unit)")],
  });
  const vmPath = "shared/src/commonMain/kotlin/com/acme/app/UsersViewModel.kt";
  const vm = cls("UsersViewModel", "class UsersViewModel(private val repository: UserRepository, private val settings: Settings) : BaseViewModel() {\n}", {
    path: vmPath,
    params: [{ name: "repository", type: "UserRepository" }, { name: "settings", type: "Settings" }],
    supertypes: ["BaseViewModel"],
  });
  const method = block("fun refresh() ⟦{\n    launchIo {\n        val page = repository.load(\"me\")\n        println(page.items.first().title)\n    }\n}⟧", {
    name: "refresh",
    path: vmPath,
    parent: vm.qualified_name,
    calls: ["launchIo", "load", "println", "first"],
  });

  test("a field's type, the type its used member returns and the types after it, and the inherited member's class are shown", () => {
    const ctx = contextFor(method, [vm, repoT, page, item, unrelated, base]);
    expect(ctx.code).toContain("interface UserRepository");
    expect(ctx.code).toContain("suspend fun load(id: String): UserPage");
    expect(ctx.code).toContain("data class UserPage(val items: List<Item>, val next: String?)");
    expect(ctx.code).toContain("data class Item(val title: String)");
    expect(ctx.code).toContain("abstract class BaseViewModel");
    // A field the target does not use through its members brings nothing.
    expect(ctx.code).not.toContain("class Settings");
  });

  test("without the chain nothing of it is shown (the fixture does not name those types)", () => {
    const plain = block("fun refresh() ⟦{\n    println(1)\n}⟧", { name: "refresh", path: vmPath, parent: vm.qualified_name, calls: ["println"] });
    const ctx = contextFor(plain, [vm, repoT, page, item, unrelated, base]);
    expect(ctx.code).not.toContain("interface UserRepository");
    expect(ctx.code).not.toContain("data class Item");
  });

  test("a named type leads on to the type of the member used through it (`viewModel.state` → its state class)", () => {
    const vmT = cls("HomeViewModel", "class HomeViewModel {\n    val state: StateFlow<HomeState> = TODO()\n}", { members: [mem("property", "state", "val state: StateFlow<HomeState>")] });
    const homeState = cls("HomeState", "data class HomeState(val items: List<String>)", { params: [{ name: "items", type: "List<String>" }] });
    const screen = block("fun HomeScreen(viewModel: HomeViewModel) ⟦{\n    val s = viewModel.state.value\n    println(s.items)\n}⟧", { name: "HomeScreen", calls: ["println"] });
    const ctx = contextFor(screen, [vmT, homeState]);
    expect(ctx.code).toContain("class HomeViewModel");
    expect(ctx.code).toContain("data class HomeState(val items: List<String>)");
  });

  test("a called function's return type and a qualified nested field type are followed to the members used", () => {
    const monthData = cls("MonthData", "data class MonthData(val calendarMonth: String)", { params: [{ name: "calendarMonth", type: "String" }] });
    const getData = block("fun monthData(i: Int): MonthData = ⟦MonthData(\"x\")⟧", { name: "monthData", path: "shared/src/commonMain/kotlin/com/acme/app/Data.kt", return_type: "MonthData" });
    const user = block("fun check() ⟦{\n    println(monthData(1).calendarMonth)\n}⟧", { name: "check", calls: ["println", "monthData"] });
    expect(contextFor(user, [monthData, getData]).code).toContain("data class MonthData(val calendarMonth: String)");

    const screen = cls("StationScreen", "class StationScreen {\n    data class State(val isLoading: Boolean)\n}", { members: [{ kind: "class", name: "State", signature: "data class State(val isLoading: Boolean)", has_body: false, is_abstract: false }] });
    const state = cls("State", "data class State(val isLoading: Boolean)", { parent: screen.qualified_name, qualified_name: `${screen.qualified_name}.State`, path: screen.path, params: [{ name: "isLoading", type: "Boolean" }] });
    const holder = cls("Holder", "data class Holder(val stationState: StationScreen.State?)", { params: [{ name: "stationState", type: "StationScreen.State?" }] });
    const ui = block("fun show(h: Holder) ⟦{\n    println(h.stationState?.isLoading)\n}⟧", { name: "show", calls: ["println"] });
    const ctx = contextFor(ui, [screen, state, holder]);
    expect(ctx.code).toContain("data class State(val isLoading: Boolean)");
  });

  test("a class too big to fit is shown with only the members the target uses; a nested type shown inside its parent is not repeated", () => {
    const many = Array.from({ length: 60 }, (_, i) => mem("property", `someRatherLongConstantName${i}`, `const val someRatherLongConstantName${i}: String = "value number ${i} of many"`));
    const constants = cls("Constants", "object Constants", { kind: "object", members: [...many, mem("property", "imageResourceName", 'const val imageResourceName = "ImageResource"')] });
    const user = block("fun name(): String ⟦{\n    return Constants.imageResourceName + Constants.someRatherLongConstantName3\n}⟧", { name: "name" });
    const ctx = contextFor(user, [constants]);
    expect(ctx.code).toContain('const val imageResourceName = "ImageResource"');
    expect(ctx.code).toContain("someRatherLongConstantName3");
    expect(ctx.code).not.toContain("someRatherLongConstantName40");

    const meta = cls("ImageMetadata", "data class ImageMetadata(val key: String) {\n    enum class Appearance { LIGHT, DARK }\n}", { members: [mem("property", "key", "val key: String"), { kind: "class", name: "Appearance", signature: "enum class Appearance", has_body: true, is_abstract: false }] });
    const appearance = cls("Appearance", "enum class Appearance { LIGHT, DARK }", { parent: meta.qualified_name, qualified_name: `${meta.qualified_name}.Appearance`, path: meta.path, modifiers: ["enum"] });
    const uses = block("fun f(m: ImageMetadata, a: Appearance) ⟦{\n    println(m.key + a)\n}⟧", { name: "f", calls: ["println"], imports: [`${meta.qualified_name}.Appearance`] });
    const code = contextFor(uses, [meta, appearance]).code;
    expect(code.match(/data class ImageMetadata/g)).toHaveLength(1);
  });

  test("every used declaration gets in small before any grows: a big first type does not crowd out a second", () => {
    const members = (prefix: string) => Array.from({ length: 12 }, (_, i) => mem("function", `${prefix}Op${i}`, `fun ${prefix}Op${i}(argumentNumber${i}: String, another${i}: Int): Result<String>`));
    const first = cls("FirstService", "class FirstService", { members: members("first") });
    const second = cls("SecondService", "class SecondService", { members: members("second") });
    const user = block("fun run(a: FirstService, b: SecondService) ⟦{\n    a.firstOp1(\"x\", 1)\n    b.secondOp2(\"y\", 2)\n}⟧", { name: "run" });
    const repo = repoOf([user, first, second]);
    const small = { ...tools, budget: 240 };
    const ctx = buildContext({ target: user, prompt: "Implement it.", imports: true, enclosing: true }, repo, new SymbolIndex(repo), small);
    expect(ctx.code).toContain("fun firstOp1(");
    expect(ctx.code).toContain("fun secondOp2(");
  });

  test("a name called as a library function and used as a project value shows the value (`json(json)`)", () => {
    const path = "shared/src/commonMain/kotlin/com/acme/app/di/AppContainer.kt";
    const file = fileOf(path, [], { members: [mem("property", "json", "private val json = Json { ignoreUnknownKeys = true }")] });
    const user = block("fun client() = ⟦HttpClient {\n    install(ContentNegotiation) { json(json) }\n}⟧", { name: "client", path, calls: ["HttpClient", "install", "json"] });
    expect(contextFor(user, [file]).code).toContain("private val json = Json { ignoreUnknownKeys = true }");
  });

  test("an expect class and its actual each show their own nested types", () => {
    const common = "shared/src/commonMain/kotlin/com/acme/app/StringDesc.kt";
    const jvm = "shared/src/jvmMain/kotlin/com/acme/app/StringDesc.jvm.kt";
    const nestedMember = { kind: "class" as const, name: "LocaleType", signature: "sealed class LocaleType", has_body: true, is_abstract: false };
    const exp = cls("StringDesc", "expect interface StringDesc", { kind: "interface", is_expect: true, path: common, members: [nestedMember] });
    const act = cls("StringDesc", "actual interface StringDesc", { kind: "interface", is_actual: true, path: jvm, source_set: "jvmMain", platform: "jvm", members: [nestedMember] });
    const qn = `${exp.qualified_name}.LocaleType`;
    const expNested = cls("LocaleType", "expect sealed class LocaleType", { parent: exp.qualified_name, qualified_name: qn, path: common, is_expect: true, members: [mem("property", "tag", "val tag: String")] });
    const actNested = cls("LocaleType", "actual sealed class LocaleType", { parent: exp.qualified_name, qualified_name: qn, path: jvm, source_set: "jvmMain", platform: "jvm", is_actual: true, members: [mem("property", "locale", "val locale: java.util.Locale")] });
    const repo = repoOf([exp, act, expNested, actNested]);
    const index = new SymbolIndex(repo);
    expect([...index.nestedOf(exp).values()]).toEqual([expNested]);
    expect([...index.nestedOf(act).values()]).toEqual([actNested]);
  });

  test("a member whose type is inferred from a short expression is shown whole in context, never in the request itself", () => {
    const path = "shared/src/commonMain/kotlin/com/acme/app/Config.kt";
    const config = cls("Config", "class Config(val id: Int) {\n    fun isDefault() = id == 0\n}", { path, params: [{ name: "id", type: "Int" }], members: [mem("function", "isDefault", "fun isDefault()")] });
    const member = block("fun isDefault() = ⟦id == 0⟧", { name: "isDefault", path, parent: config.qualified_name, start_line: 2, end_line: 2, return_type: null });
    const user = block("fun label(c: Config): String ⟦{\n    return if (c.isDefault()) \"default\" else \"custom\"\n}⟧", { name: "label", calls: ["isDefault"] });
    const ctx = contextFor(user, [config, member]);
    expect(ctx.code).toContain("fun isDefault() = id == 0");
  });

  test("the declared type of a property or a function's return", () => {
    expect(declaredType("private val repo: UserRepository = get()")).toBe("UserRepository");
    expect(declaredType("val state: StateFlow<UiState> by lazy")).toBe("StateFlow<UiState>");
    expect(declaredType("suspend fun load(id: String, f: (Int) -> Unit = {}): Result<Page>")).toBe("Result<Page>");
    expect(declaredType("fun <T> List<T>.second(): T where T : Any")).toBe("T");
    expect(declaredType("fun inferred() = 1")).toBe("");
    expect(declaredType("val x = 1")).toBe("");
  });

  test("a long class shows the member the target uses even past the usual count", () => {
    const many = Array.from({ length: 20 }, (_, i) => mem("property", `p${i}`, `val p${i}: Int`));
    const big = cls("Big", "class Big", { members: many });
    const user = block("fun use(b: Big): Int ⟦{\n    return b.p17\n}⟧", { name: "use" });
    expect(contextFor(user, [big]).code).toContain("val p17: Int");
  });
});

describe("what a source set can see", () => {
  const at = (platform: Block["platform"]) => block("val x = 1", { name: "x", platform });
  test.each([
    ["common", "common", true],
    ["common", "ios", false],
    ["ios", "common", true],
    ["ios", "apple", true],
    ["ios", "android", false],
    ["jvm", "native", false],
    ["android", "mixed", true],
  ] as const)("from %s, a declaration of %s: %s", (from, decl, seen) => expect(canSee(at(from), at(decl))).toBe(seen));

  test("a common target is not given an iOS-only declaration as context", () => {
    const iosOnly = cls("Size", "class Size(val raw: NSUInteger)", { platform: "ios", source_set: "iosMain", path: "shared/src/iosMain/kotlin/com/acme/app/Size.kt" });
    const user = block("fun area(s: Size): Int ⟦{\n    return 1\n}⟧", { name: "area" });
    expect(contextFor(user, [iosOnly]).code).not.toContain("NSUInteger");
  });

  test("a capitalised value (`DarkColors`) is shown; of an expect class and its actual, one is shown", () => {
    const file = fileOf("shared/src/commonMain/kotlin/com/acme/app/Theme.kt", [], {
      members: [{ kind: "property", name: "DarkColors", signature: "private val DarkColors = darkColorScheme()", has_body: false, is_abstract: false }],
    });
    const theme = block("fun theme(): Scheme ⟦{\n    return DarkColors\n}⟧", { name: "theme", path: file.path });
    expect(contextFor(theme, [file]).code).toContain("private val DarkColors = darkColorScheme()");
    const expectState = cls("State", "expect class State", { is_expect: true, signature: "expect class State" });
    const jvmState = cls("State", "actual class State(val v: Int)", { id: "jvm-state", is_actual: true, platform: "jvm", source_set: "jvmMain", signature: "actual class State(val v: Int)", path: "shared/src/jvmMain/kotlin/com/acme/app/State.kt" });
    const onJvm = block("fun read(s: State): Int ⟦{\n    return 0\n}⟧", { name: "read", platform: "jvm", source_set: "jvmMain", path: "shared/src/jvmMain/kotlin/com/acme/app/Read.kt" });
    const code = contextFor(onJvm, [expectState, jvmState]).code;
    expect(code.match(/class State/g)).toHaveLength(1);
  });
});

describe("rendering declarations by signature", () => {
  test("a default value's lambda keeps its line breaks (one line would run its statements together)", () => {
    const sig = "fun children(\n    restore: (Int) -> State? = { c ->\n        val saved = c.load()\n        State(saved)\n    },\n    other: Int = 1,\n): List<State>";
    expect(oneLine(sig)).toBe("fun children(restore: (Int) -> State? = { c ->\nval saved = c.load()\nState(saved)\n}, other: Int = 1): List<State>");
    const cls = block("open class Base", { name: "Base", kind: "class", members: [{ kind: "function", name: "children", signature: sig, has_body: true, is_abstract: false }] });
    expect(renderClassLike(cls)).toBe("open class Base {\n    fun children(restore: (Int) -> State? = { c ->\n        val saved = c.load()\n        State(saved)\n        }, other: Int = 1): List<State>\n}");
  });

  test("comments are dropped from a one-line signature", () => {
    expect(oneLine("fun f(\n    a: Int, // the count\n    /* b */ b: Int,\n)")).toBe("fun f(a: Int, b: Int)");
  });

  test("enum entries keep their arguments, not their bodies", () => {
    const e = cls("Kind", 'enum class Kind(val label: String) {\n    A("a"),\n    B("b") {\n        override fun x() = 1\n    };\n    open fun x() = 0\n}', { modifiers: ["enum"], signature: "enum class Kind(val label: String)" });
    expect(enumEntries(e)).toEqual(['A("a")', 'B("b")']);
  });

  test("a companion object is rendered inside its class with its members; a nested type inside its parent", () => {
    const holder = cls("Keys", "object Keys {\n    companion object {\n        const val A = 1\n    }\n}", {
      kind: "object",
      signature: "object Keys",
      members: [{ kind: "object", name: "Companion", signature: "companion object", has_body: false, is_abstract: false }],
    });
    const companion = block("companion object {\n    const val A = 1\n}", {
      name: "Companion",
      kind: "object",
      modifiers: ["companion"],
      signature: "companion object",
      parent: `${PKG}.Keys`,
      path: holder.path,
      members: [{ kind: "property", name: "A", signature: "const val A = 1", has_body: false, is_abstract: false }],
    });
    const index = new SymbolIndex(repoOf([holder, companion]));
    expect(renderClassLike(holder, { nestedOf: index.nestedOf })).toBe("object Keys {\n    companion object {\n        const val A = 1\n    }\n}");
    const sealed = cls("State", "sealed interface State", { kind: "interface", signature: "sealed interface State" });
    const loading = block("data object Loading : State", { name: "Loading", kind: "object", signature: "data object Loading : State", parent: `${PKG}.State`, path: sealed.path });
    const user = block("fun f(s: State.Loading) ⟦{\n    println(s)\n}⟧", { name: "f", imports: [`${PKG}.State.Loading`] });
    expect(contextFor(user, [sealed, loading]).code).toContain("sealed interface State {\n    data object Loading : State\n}");
  });
});

describe("facts and low-value rows", () => {
  test("a plain module's src/main is named as the folder it is, not as a KMP source set", () => {
    const b = block("fun f() ⟦{ g() }⟧", { name: "f", source_set: "jvmMain", platform: "jvm", path: "plugin/src/main/kotlin/a/F.kt" });
    expect(whereSentence(b)).toBe("It lives in `src/main` of its module (the JVM).");
    expect(whereSentence({ ...b, path: "shared/src/jvmMain/kotlin/a/F.kt" })).toBe("It belongs to the `jvmMain` source set (the JVM).");
    // A flattened KMP layout (`<module>/jvm/src/<package folders>`): the source set, never a package folder.
    expect(whereSentence({ ...b, path: "core/jvm/src/files/Paths.kt" })).toBe("It belongs to the `jvmMain` source set (the JVM).");
  });

  test("the expect_actual request reads as English (no 'the the')", () => {
    const e = block("expect fun now(): Long", { name: "now", is_expect: true });
    const a = block("actual fun now(): Long = ⟦System.currentTimeMillis()⟧", { name: "now", is_actual: true, source_set: "jvmMain", platform: "jvm", path: "shared/src/jvmMain/kotlin/com/acme/app/Now.kt" });
    for (let seed = 1; seed <= 6; seed++) {
      const [p] = generate(expectActualPairs, [e, a], cfg({ seed })).pairs;
      expect(p!.input_text).not.toMatch(/\b(the|a|an) (the|a|an)\b/);
      expect(p!.input_text).toContain("`jvmMain` source set (the JVM)");
    }
  });

  test("@Preview composables make no row", () => {
    const preview = block("@Preview\n@Composable\nfun CardPreview() ⟦{\n    Card()\n}⟧", { name: "CardPreview", is_composable: true, annotations: ["Preview", "Composable"], calls: ["Card"] });
    const r = generate(composablePairs, [preview]);
    expect(r.pairs).toHaveLength(0);
    expect(r.skips).toEqual(["preview"]);
  });

  test("a file whose outline is nearly all of it makes no full_file row", () => {
    const one = block("fun id(x: Int): Int = ⟦x⟧", { name: "id", path: "shared/src/commonMain/kotlin/com/acme/app/Id.kt" });
    const r = generate(fullFilePairs, [fileOf(one.path, [one]), one]);
    expect(r.pairs).toHaveLength(0);
    expect(r.skips).toEqual(["outline_hides_too_little"]);
  });

  test("interface_implementation shows the class with the members beyond the interface's, companion included, as valid Kotlin", () => {
    const iface = block("interface Store {\n    fun get(key: String): String?\n}", {
      name: "Store",
      kind: "interface",
      path: "shared/src/commonMain/kotlin/com/acme/app/Store.kt",
      members: [{ kind: "function", name: "get", signature: "fun get(key: String): String?", has_body: false, is_abstract: true }],
    });
    const impl = block("class MapStore : Store {\n    private val map = mutableMapOf<String, String>()\n    override fun get(key: String): String? ⟦{\n        return map[key] ?: DEFAULT\n    }⟧\n    private companion object {\n        const val DEFAULT = \"\"\n    }\n}", {
      name: "MapStore",
      kind: "class",
      supertypes: ["Store"],
      signature: "class MapStore : Store",
      path: "shared/src/commonMain/kotlin/com/acme/app/MapStore.kt",
      members: [
        { kind: "property", name: "map", signature: "private val map = mutableMapOf<String, String>()", has_body: false, is_abstract: false },
        { kind: "function", name: "get", signature: "override fun get(key: String): String?", has_body: true, is_abstract: false },
        { kind: "object", name: "Companion", signature: "private companion object", has_body: false, is_abstract: false },
      ],
    });
    const companion = block('private companion object {\n    const val DEFAULT = ""\n}', {
      name: "Companion",
      kind: "object",
      modifiers: ["companion"],
      signature: "private companion object",
      parent: `${PKG}.MapStore`,
      path: impl.path,
      members: [{ kind: "property", name: "DEFAULT", signature: 'const val DEFAULT = ""', has_body: false, is_abstract: false }],
    });
    const [p] = generate(interfaceImplementationPairs, [iface, impl, companion]).pairs;
    expect(p!.input_text).toContain('class MapStore : Store {\n    private val map = mutableMapOf<String, String>()\n    private companion object {\n        const val DEFAULT = ""\n    }\n}');
    expect(p!.input_text).not.toContain("override fun get(key: String): String?\n    private");
  });
});

describe("signatures the grammar reads on their own", () => {
  test("a function whose type is inferred from a short expression is shown whole; a declared one by signature", () => {
    const inferred = block("fun emptyPage() = ⟦Page(emptyList())⟧", { name: "emptyPage", path: "shared/src/commonMain/kotlin/com/acme/app/Pages.kt", return_type: null });
    const declared = block("fun fullPage(): Page = ⟦Page(listOf(1))⟧", { name: "fullPage", path: inferred.path, return_type: "Page" });
    const user = block("fun show() ⟦{\n    println(emptyPage())\n    println(fullPage())\n}⟧", { name: "show", calls: ["println", "emptyPage", "fullPage"] });
    const ctx = contextFor(user, [inferred, declared]);
    expect(ctx.code).toContain("fun emptyPage() = Page(emptyList())");
    expect(ctx.code).toMatch(/fun fullPage\(\): Page$/m);
    expect(ctx.code).not.toContain("listOf(1)");
  });

  test("an annotated function type in parentheses is written with the annotation inside them", () => {
    expect(oneLine("override val content: @Composable (() -> Unit)")).toBe("override val content: (@Composable () -> Unit)");
    expect(oneLine("fun W(h: @Composable (ColumnScope.(Day) -> Unit), f: @Composable (() -> Unit)?)")).toBe("fun W(h: (@Composable ColumnScope.(Day) -> Unit), f: (@Composable () -> Unit)?)");
    expect(oneLine('@Suppress ("x") fun g(): Int')).toBe('@Suppress ("x") fun g(): Int');
    // Parentheses that are the function type's parameter list stay as written.
    const own = "fun s(frame: @Composable (factor: Float, content: @Composable (Modifier) -> Unit) -> Unit): S";
    expect(oneLine(own)).toBe(own);
  });

  test("a class header keeps no body text (a damaged parse can leave some in the signature)", () => {
    const c = block("class C(x: Int) : B({ 1 })", { name: "C", kind: "class", signature: "class C(x: Int) : B({ 1 }) {\n    private val y = when (x) {\n        1 -> 2\n    }", members: [] });
    expect(renderClassLike(c)).toBe("class C(x: Int) : B({ 1 })");
  });

  test("an initializer cut at its body's brace is left out", () => {
    expect(oneLine("private val exposed = when (severity) {")).toBe("private val exposed");
    expect(oneLine("val x: Int = compute(1)")).toBe("val x: Int = compute(1)");
  });
});

describe("identifiers of a block, taken from its file's tokens", () => {
  test("a member's identifiers come from its own lines of the file; a block whose first line is not the file's falls back to its code", () => {
    const path = "shared/src/commonMain/kotlin/com/acme/app/Cart.kt";
    const code = "class Cart(private val repo: CartRepository) {\n    fun total(): Int {\n        return repo.items().sumOf { it.price }\n    }\n}\n\nfun other() = Unrelated()\n";
    const file = block(code, { kind: "file", name: "Cart.kt", path, start_line: 1, end_line: 8 });
    const repoIface = cls("CartRepository", "interface CartRepository", { kind: "interface", members: [{ kind: "function", name: "items", signature: "fun items(): List<Item>", has_body: false, is_abstract: true }] });
    const unrelated = cls("Unrelated", "class Unrelated");
    const member = block("fun total(): Int ⟦{\n        return repo.items().sumOf { it.price }\n    }⟧", { name: "total", path, start_line: 2, end_line: 4, parent: `${PKG}.Cart`, calls: ["items", "sumOf"] });
    const cart = cls("Cart", "class Cart(private val repo: CartRepository) {\n    fun total(): Int {\n        return repo.items().sumOf { it.price }\n    }\n}", { path, start_line: 1, end_line: 5, params: [{ name: "repo", type: "CartRepository" }], members: [{ kind: "function", name: "total", signature: "fun total(): Int", has_body: true, is_abstract: false }] });
    const repo = repoOf([file, cart, member, repoIface, unrelated]);
    expect(repo.startsItsLine(member)).toBe(true);
    const ctx = buildContext({ target: member, prompt: "Implement it.", imports: true, enclosing: true }, repo, new SymbolIndex(repo), tools);
    expect(ctx.code).toContain("fun items(): List<Item>");
    expect(ctx.code).not.toContain("class Unrelated");
    // Line numbers that do not match the file: the block's own code decides.
    const moved = { ...member, id: "moved", start_line: 7, end_line: 7 };
    expect(repo.startsItsLine(moved)).toBe(false);
    const again = buildContext({ target: moved, prompt: "Implement it.", imports: true, enclosing: true }, repo, new SymbolIndex(repo), tools);
    expect(again.code).not.toContain("class Unrelated");
  });
});

describe("overloads a target calls", () => {
  test("another overload of the target's own name is shown, never the target itself; a same-file private overload beside an imported one", () => {
    const path = "shared/src/commonMain/kotlin/com/acme/app/Stack.kt";
    const general = block("fun ChildStack(stack: Value<Int>, modifier: Modifier) ⟦{\n    println(stack)\n}⟧", { name: "ChildStack", path, start_line: 1, end_line: 3 });
    const convenience = block("fun ChildStack(component: Root) ⟦{\n    ChildStack(stack = component.stack, modifier = Modifier)\n}⟧", { name: "ChildStack", path, start_line: 5, end_line: 7, calls: ["ChildStack"] });
    const ctx = contextFor(convenience, [general]);
    expect(ctx.code).toContain("fun ChildStack(stack: Value<Int>, modifier: Modifier)");
    expect(ctx.code).not.toContain("fun ChildStack(component: Root)");

    const libPath = "library/src/commonMain/kotlin/com/acme/lib/Children.kt";
    const imported = block("fun Children(stack: Value<Int>, content: () -> Unit) ⟦{\n    content()\n}⟧", { name: "Children", path: libPath, package: "com.acme.lib" });
    const uiPath = "shared/src/commonMain/kotlin/com/acme/app/Root.kt";
    const privateOne = block("private fun Children(component: Root, modifier: Modifier) ⟦{\n    Children(component.stack) {}\n}⟧", { name: "Children", path: uiPath, start_line: 10, end_line: 12, imports: ["com.acme.lib.Children"], calls: ["Children"] });
    const screen = block("fun RootScreen(component: Root) ⟦{\n    Children(component, Modifier)\n}⟧", { name: "RootScreen", path: uiPath, start_line: 1, end_line: 3, imports: ["com.acme.lib.Children"], calls: ["Children"] });
    const shown = contextFor(screen, [privateOne, imported]).code;
    expect(shown).toContain("private fun Children(component: Root, modifier: Modifier)");
    expect(shown).toContain("fun Children(stack: Value<Int>, content: () -> Unit)");
  });
});

describe("same-named declarations in several modules", () => {
  test("a file's module is its path up to its source folder", () => {
    expect(moduleOf("samples/app/shared/src/commonMain/kotlin/A.kt")).toBe("samples/app/shared");
    expect(moduleOf("src/main/kotlin/A.kt")).toBe("");
    expect(moduleOf("core/common/test/A.kt")).toBe("core/common/test");
  });

  test("the using file's own module's declaration is shown, not another sample app's", () => {
    const other = cls("Testing", "object Testing {\n    fun test() {}\n}", { kind: "object", package: "com.acme.library", qualified_name: "com.acme.library.Testing", path: "samples/auto-manifest/lib/src/commonMain/kotlin/com/acme/library/Testing.kt", members: [{ kind: "function", name: "test", signature: "fun test()", has_body: true, is_abstract: false }] });
    const own = cls("Testing", "object Testing {\n    fun getHelloWorld(): String = \"hi\"\n}", { kind: "object", package: "com.acme.library", qualified_name: "com.acme.library.Testing", path: "samples/ios-app/lib/src/commonMain/kotlin/com/acme/library/Testing.kt", members: [{ kind: "function", name: "getHelloWorld", signature: "fun getHelloWorld(): String", has_body: true, is_abstract: false }] });
    const user = block("fun label(): String ⟦{\n    return Testing.getHelloWorld()\n}⟧", { name: "label", package: "com.acme.library", path: "samples/ios-app/lib/src/commonMain/kotlin/com/acme/library/Label.kt", calls: ["getHelloWorld"] });
    const code = contextFor(user, [other, own]).code;
    expect(code).toContain("fun getHelloWorld(): String");
    expect(code).not.toContain("fun test()");
  });
});

describe("members imported from a project object", () => {
  test("`import Components.Day` shows the object with the members the target uses", () => {
    const path = "sample/src/commonMain/kotlin/Components.kt";
    const comps = block("object Components {\n}", {
      name: "Components",
      kind: "object",
      package: "",
      qualified_name: "Components",
      path,
      members: [
        { kind: "function", name: "Day", signature: "@Composable fun Day(day: Int, onClick: (Int) -> Unit)", has_body: true, is_abstract: false },
        { kind: "function", name: "Header", signature: "@Composable fun Header(title: String)", has_body: true, is_abstract: false },
      ],
    });
    const page = block("@Composable\nfun Page() ⟦{\n    Day(1) {}\n}⟧", { name: "Page", package: "", qualified_name: "Page", path: "sample/src/commonMain/kotlin/Page.kt", imports: ["Components.Day"], calls: ["Day"] });
    const code = contextFor(page, [comps]).code;
    expect(code).toContain("object Components");
    expect(code).toContain("fun Day(day: Int, onClick: (Int) -> Unit)");
  });
});

describe("helpers called outside a body", () => {
  test("a same-file private helper called in a property's initializer is shown", () => {
    const path = "gen/src/main/kotlin/com/acme/app/Meta.kt";
    const helper = block("private fun filePath(file: String, root: String): List<String> ⟦{\n    return file.removePrefix(root).split('/')\n}⟧", { name: "filePath", path, start_line: 20, end_line: 22 });
    const meta = cls("AssetMetadata", "data class AssetMetadata(val file: String, val root: String) {\n    val path: List<String> = filePath(file, root)\n}", { path, start_line: 1, end_line: 3, params: [{ name: "file", type: "String" }, { name: "root", type: "String" }], calls: [] });
    expect(contextFor(meta, [helper]).code).toContain("private fun filePath(file: String, root: String): List<String>");
  });
});
