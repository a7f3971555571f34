/** One describe per generator: what it must produce from inline Kotlin fixtures, and what it must not. */
import { describe, expect, test } from "bun:test";
import { composablePairs } from "../../src/pairs/generators/composable.ts";
import { descriptionPairs } from "../../src/pairs/generators/description.ts";
import { expectActualPairs } from "../../src/pairs/generators/expectActual.ts";
import { fullFilePairs } from "../../src/pairs/generators/fullFile.ts";
import { describeGradle, gradlePairs } from "../../src/pairs/generators/gradle.ts";
import { interfaceImplementationPairs } from "../../src/pairs/generators/interfaceImpl.ts";
import { skeletonPairs } from "../../src/pairs/generators/skeleton.ts";
import type { GradleInfo } from "../../src/types.ts";
import { DEFAULTS } from "../../src/options.ts";
import { answerTokens } from "../../src/pairs/bodies.ts";
import { qualityVerdict } from "../../src/pairs/quality.ts";
import { declarationPhrase } from "../../src/pairs/prompt.ts";
import { block, cfg, fileOf, generate, PKG, repoOf } from "./support.ts";

describe("expect_actual", () => {
  const expectFn = block("/** The platform's display name. */\nexpect fun platformName(): String", {
    name: "platformName",
    is_expect: true,
    kdoc: "/** The platform's display name. */",
    return_type: "String",
  });
  const android = block('actual fun platformName(): String ⟦{\n    return "Android " + Build.VERSION.SDK_INT\n}⟧', {
    name: "platformName",
    is_actual: true,
    source_set: "androidMain",
    platform: "android",
    path: "shared/src/androidMain/kotlin/com/acme/app/Platform.android.kt",
    imports: ["android.os.Build", "kotlinx.coroutines.flow.Flow"],
    calls: [],
  });
  const ios = block("actual fun platformName(): String = ⟦UIDevice.currentDevice.systemName()⟧", {
    name: "platformName",
    is_actual: true,
    source_set: "iosMain",
    platform: "ios",
    path: "shared/src/iosMain/kotlin/com/acme/app/Platform.ios.kt",
    imports: ["platform.UIKit.UIDevice"],
  });

  test("an actual class with a constructor and members its bare expect leaves out lists them by signature", () => {
    const exp = block("expect class FileResource", { name: "FileResource", kind: "class", is_expect: true, path: "shared/src/commonMain/kotlin/com/acme/app/FileResource.kt" });
    const act = block("actual class FileResource(val loader: ClassLoader, val filePath: String) {\n    fun readText(): String ⟦{\n        val stream = loader.getResourceAsStream(filePath)\n        return stream.bufferedReader().readText()\n    }⟧\n}", {
      name: "FileResource",
      kind: "class",
      is_actual: true,
      source_set: "jvmMain",
      platform: "jvm",
      path: "shared/src/jvmMain/kotlin/com/acme/app/FileResource.kt",
      params: [{ name: "loader", type: "ClassLoader" }, { name: "filePath", type: "String" }],
      members: [{ kind: "function", name: "readText", signature: "fun readText(): String", has_body: true, is_abstract: false }],
    });
    const [p] = generate(expectActualPairs, [exp, act]).pairs;
    expect(p!.input_text).toContain("actual class FileResource(val loader: ClassLoader, val filePath: String) {\n    fun readText(): String\n}");
    expect(p!.input_text).not.toContain("getResourceAsStream");
    // An actual with nothing beyond its expect gets no such section.
    const [q] = generate(expectActualPairs, [expectFn, android]).pairs;
    expect(q!.input_text).not.toContain("besides the expected ones");
  });

  test("--min-answer-tokens drops a row whose hidden part is a line or two (trivial_answer); off by default", () => {
    const exp = block("expect fun platformName(): String", { name: "platformName", is_expect: true, return_type: "String" });
    const desktop = block('actual fun platformName(): String = ⟦"Desktop"⟧', { name: "platformName", is_actual: true, source_set: "jvmMain", platform: "jvm", path: "shared/src/jvmMain/kotlin/com/acme/app/Platform.jvm.kt" });
    const repo = repoOf([exp, desktop, android]);
    const strict = cfg({ minAnswerTokens: 5 });
    const verdicts = generate(expectActualPairs, [exp, desktop, android], strict).pairs.map((c) => [c.target.platform, qualityVerdict(c, repo, strict)]);
    expect(verdicts).toEqual([["jvm", "trivial_answer"], ["android", null]]);
    const defaults = cfg({ minAnswerTokens: DEFAULTS.minAnswerTokens });
    expect(generate(expectActualPairs, [exp, desktop], defaults).pairs.map((c) => qualityVerdict(c, repo, defaults))).toEqual([null]);
  });

  test("an answer's tokens are the code tokens of the lines its prompt does not show", () => {
    expect(answerTokens(['return "Android " + Build.VERSION.SDK_INT'], "Write it.")).toBe(5);
    expect(answerTokens(["return x"], "```kotlin\nreturn x\n```")).toBe(0);
  });

  test("one pair per actual platform, with the imports the actual needs", () => {
    const { pairs } = generate(expectActualPairs, [expectFn, android, ios]);
    expect(pairs.map((p) => p.target.platform).sort()).toEqual(["android", "ios"]);
    const a = pairs.find((p) => p.target.platform === "android")!;
    expect(a.input_text).toContain("expect fun platformName(): String");
    expect(a.input_text).toContain("The platform's display name.");
    expect(a.input_text).toContain("androidMain");
    expect(a.input_text).toContain(`It lives in the package \`${PKG}\`.`);
    expect(a.input_text).not.toContain("SDK_INT");
    expect(a.target_text.startsWith("import android.os.Build\n\nactual fun platformName()")).toBe(true);
    expect(a.target_text).not.toContain("kotlinx.coroutines.flow.Flow");
    expect(a.answerLines).toEqual(['return "Android " + Build.VERSION.SDK_INT']);
  });

  test("overloads are matched by parameter types", () => {
    const e1 = block("expect fun format(value: Int): String", { name: "format", is_expect: true, params: [{ name: "value", type: "Int" }] });
    const e2 = block("expect fun format(value: Double): String", { name: "format", is_expect: true, params: [{ name: "value", type: "Double" }] });
    const a1 = block("actual fun format(value: Int): String = ⟦value.toString()⟧", { name: "format", is_actual: true, platform: "jvm", source_set: "jvmMain", params: [{ name: "value", type: "Int" }] });
    const a2 = block('actual fun format(value: Double): String = ⟦"%.2f".format(value)⟧', { name: "format", is_actual: true, platform: "jvm", source_set: "jvmMain", params: [{ name: "value", type: "Double" }] });
    const { pairs } = generate(expectActualPairs, [e1, e2, a1, a2]);
    expect(pairs).toHaveLength(2);
    for (const p of pairs) expect(p.sources[0]!.params[0]!.type).toBe(p.sources[1]!.params[0]!.type);
  });

  test("a typealias actual, an expect without actual and a second actual for the same platform make no pair", () => {
    const eClass = block("expect class AtomicCounter {\n    fun increment(): Int\n}", { name: "AtomicCounter", kind: "class", is_expect: true });
    const alias = block("actual typealias AtomicCounter = java.util.concurrent.atomic.AtomicInteger", { name: "AtomicCounter", kind: "typealias", is_actual: true, platform: "jvm" });
    const lonely = block("expect fun vibrate()", { name: "vibrate", is_expect: true });
    const iosX64 = { ...ios, id: "other", source_set: "iosX64Main" };
    const { pairs, skips } = generate(expectActualPairs, [expectFn, ios, iosX64, eClass, alias, lonely]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.target.source_set).toBe("iosMain");
    expect(skips.sort()).toEqual(["expect_without_actual", "typealias_actual"]);
  });

  test("an actual class matches an expect class but not an expect fun of the same name", () => {
    const eFn = block("expect fun Clock(): Long", { name: "Clock", is_expect: true });
    const aClass = block("actual class Clock {\n    fun now(): Long ⟦{ return System.currentTimeMillis() }⟧\n}", { name: "Clock", kind: "class", is_actual: true, platform: "jvm" });
    expect(generate(expectActualPairs, [eFn, aClass]).pairs).toHaveLength(0);
  });
});

describe("interface_implementation", () => {
  const iface = block("/** Loads users. */\ninterface UserRepository {\n    suspend fun load(id: String): User\n    fun clear()\n}", {
    name: "UserRepository",
    kind: "interface",
    package: "com.acme.app.data",
    kdoc: "/** Loads users. */",
    imports: ["com.acme.app.model.User", "kotlinx.datetime.Instant"],
    members: [
      { kind: "function", name: "load", signature: "suspend fun load(id: String): User", has_body: false, is_abstract: true },
      { kind: "function", name: "clear", signature: "fun clear()", has_body: false, is_abstract: true },
    ],
  });
  const decoy = { ...iface, id: "decoy", package: "com.other", qualified_name: "com.other.UserRepository", path: "other/UserRepository.kt" };
  const implCode =
    "class InMemoryUserRepository : UserRepository {\n    private val users = mutableMapOf<String, User>()\n    override suspend fun load(id: String): User ⟦{\n        return users.getValue(id)\n    }⟧\n    override fun clear() ⟦{\n        users.clear()\n    }⟧\n}";
  const members = [
    { kind: "function" as const, name: "load", signature: "override suspend fun load(id: String): User", has_body: true, is_abstract: false },
    { kind: "function" as const, name: "clear", signature: "override fun clear()", has_body: true, is_abstract: false },
  ];
  const impl = block(implCode, {
    name: "InMemoryUserRepository",
    kind: "class",
    package: "com.acme.app.impl",
    imports: ["com.acme.app.data.UserRepository", "com.acme.app.model.User"],
    supertypes: ["UserRepository"],
    members,
  });

  test("resolves the supertype through the imports, not by name alone", () => {
    const { pairs } = generate(interfaceImplementationPairs, [decoy, iface, impl]);
    expect(pairs).toHaveLength(1);
    const p = pairs[0]!;
    expect(p.meta.interface).toBe("com.acme.app.data.UserRepository");
    expect(p.input_text).toContain("interface UserRepository");
    expect(p.input_text).toContain("Loads users.");
    expect(p.input_text).toContain("import com.acme.app.model.User");
    expect(p.input_text).not.toContain("kotlinx.datetime"); // imported by the file but unused by the interface
    expect(p.input_text).not.toContain("users.getValue");
    expect(p.target_text).toContain("import com.acme.app.model.User");
    expect(p.target_text).toContain("return users.getValue(id)");
  });

  test("an aliased import and a same-package interface resolve", () => {
    const aliased = { ...impl, id: "aliased", imports: ["com.acme.app.data.UserRepository as Repo"], supertypes: ["Repo"] };
    const samePkg = { ...impl, id: "same", package: "com.acme.app.data", imports: [], supertypes: ["UserRepository"] };
    expect(generate(interfaceImplementationPairs, [iface, aliased]).pairs).toHaveLength(1);
    expect(generate(interfaceImplementationPairs, [iface, samePkg]).pairs).toHaveLength(1);
  });

  test("no pair for a substring match, an unimported interface or an implementation without bodies", () => {
    const substring = { ...impl, id: "s", supertypes: ["SuperUserRepository"] };
    const unimported = { ...impl, id: "u", imports: [], supertypes: ["UserRepository"] };
    const bodiless = { ...impl, id: "b", members: members.map((m) => ({ ...m, has_body: false, is_abstract: true })) };
    const r = generate(interfaceImplementationPairs, [iface, substring, unimported, bodiless]);
    expect(r.pairs).toHaveLength(0);
    expect(r.skips.sort()).toEqual(["interface_members_unimplemented", "interface_unresolved"]);
  });
});

test("interface_implementation: a sealed or marker interface has nothing to implement", () => {
  const marker = block("sealed interface UiEvent", { name: "UiEvent", kind: "interface" });
  const event = block("data class Clicked(val id: String) : UiEvent {\n    fun label(): String ⟦{ return id.uppercase() }⟧\n}", {
    name: "Clicked",
    kind: "class",
    supertypes: ["UiEvent"],
    members: [{ kind: "function", name: "label", signature: "fun label(): String", has_body: true, is_abstract: false }],
  });
  const r = generate(interfaceImplementationPairs, [marker, event]);
  expect(r.pairs).toHaveLength(0);
  expect(r.skips).toEqual(["interface_without_abstract_functions"]);
});

describe("description_to_code", () => {
  const fn = block(
    "/**\n * Computes the total price of the cart, including tax.\n * @param rate the tax rate\n */\nfun totalWithTax(items: List<Item>, rate: Double): Money ⟦{\n    val net = items.sumOf { it.price }\n    return Money(net * (1 + rate))\n}⟧",
    {
      name: "totalWithTax",
      kdoc: "/**\n * Computes the total price of the cart, including tax.\n * @param rate the tax rate\n */",
      params: [
        { name: "items", type: "List<Item>" },
        { name: "rate", type: "Double" },
      ],
      return_type: "Money",
      arch_pattern: "UseCase",
      arch_patterns: ["UseCase"],
    },
  );

  test("with a KDoc: its description, where it lives and the signature; no sentence from the name; target is the whole declaration", () => {
    const [p] = generate(descriptionPairs, [fn]).pairs;
    expect(p!.target_text).toBe(fn.code);
    for (const s of ["the function `totalWithTax`", "What it does: Computes the total price of the cart, including tax.", "`commonMain` source set", "```kotlin\n" + fn.signature + "\n```"]) {
      expect(p!.input_text).toContain(s);
    }
    expect(p!.meta.description_source).toBe("kdoc");
    expect(p!.input_text).not.toContain("sumOf");
    expect(p!.input_text.toLowerCase()).not.toContain("total with tax");
    expect(p!.input_text.toLowerCase()).not.toContain("use case");
  });

  test("without KDoc it is a signature task: a plain instruction, never the name in words", () => {
    const bare = { ...fn, id: "bare", kdoc: null };
    const [p] = generate(descriptionPairs, [bare]).pairs;
    expect(p!.meta.description_source).toBe("signature");
    expect(p!.input_text).toContain("the signature below");
    expect(p!.input_text.toLowerCase()).not.toContain("total with tax");
  });

  test("the prompt carries the project types the body uses, by signature, and the imports it needs", () => {
    const item = block("data class Item(val price: Double)", { name: "Item", kind: "class", path: "shared/src/commonMain/kotlin/com/acme/app/Item.kt" });
    const money = block("@JvmInline\nvalue class Money(val cents: Double) {\n    fun plus(other: Money): Money ⟦{ return Money(cents + other.cents) }⟧\n    private fun secret(): Int ⟦{ return 1 }⟧\n}", {
      name: "Money",
      kind: "class",
      modifiers: ["value"],
      path: "shared/src/commonMain/kotlin/com/acme/app/Money.kt",
      members: [
        { kind: "function", name: "plus", signature: "fun plus(other: Money): Money", has_body: true, is_abstract: false },
        { kind: "function", name: "secret", signature: "private fun secret(): Int", has_body: true, is_abstract: false },
      ],
    });
    const [p] = generate(descriptionPairs, [{ ...fn, kdoc: null, imports: ["kotlin.math.max", "com.acme.app.Item"] }, item, money]).pairs.filter((c) => c.target.name === "totalWithTax");
    expect(p!.input_text).toContain("Context from the project:");
    expect(p!.input_text).toContain("data class Item(val price: Double)");
    expect(p!.input_text).toContain("fun plus(other: Money): Money");
    expect(p!.input_text).not.toContain("secret");
    expect(p!.input_text).toContain("import com.acme.app.Item");
    expect(p!.input_text).not.toContain("kotlin.math.max");
    expect(p!.context!.missingAfter).toEqual([]);
    expect(p!.context!.used.sort()).toEqual(["Item", "Money"]);
  });

  test("the seed picks among several phrasings; the same seed picks the same one", () => {
    const inputs = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) inputs.add(generate(descriptionPairs, [fn], cfg({ seed })).pairs[0]!.input_text);
    expect(inputs.size).toBeGreaterThanOrEqual(3);
    const a = generate(descriptionPairs, [fn], cfg({ seed: 9 })).pairs[0]!.input_text;
    expect(generate(descriptionPairs, [fn], cfg({ seed: 9 })).pairs[0]!.input_text).toBe(a);
  });

  test("composables, expect declarations, interfaces and properties are left to other generators", () => {
    const others = [
      { ...fn, id: "c", is_composable: true },
      { ...fn, id: "e", is_expect: true },
      { ...fn, id: "i", kind: "interface" as const },
      { ...fn, id: "p", kind: "property" as const },
    ];
    expect(generate(descriptionPairs, others).pairs).toHaveLength(0);
  });
});

describe("skeleton_to_complete", () => {
  const marked = [
    "/** Keeps the session. */",
    "@Stable",
    "class SessionStore(private val storage: Storage) {",
    "    private val cache = mutableMapOf<String, String>()",
    "    val size: Int get() = ⟦cache.size⟧",
    "    init ⟦{ cache.putAll(storage.readAll()) }⟧",
    "    fun token(): String? = ⟦cache[\"token\"]⟧",
    "    fun save(key: String, value: String) ⟦{",
    "        require(key.isNotBlank())",
    "        cache[key] = value",
    "        storage.write(key, value)",
    "        storage.flush()",
    "    }⟧",
    "    class Snapshot(val entries: Map<String, String>) {",
    "        fun isEmpty(): Boolean ⟦{ return entries.isEmpty() }⟧",
    "    }",
    "}",
  ].join("\n");
  const cls = block(marked, { name: "SessionStore", kind: "class", kdoc: "/** Keeps the session. */" });
  const nested = block("class Snapshot(val entries: Map<String, String>) {\n    fun isEmpty(): Boolean ⟦{ return entries.isEmpty() }⟧\n}", {
    name: "Snapshot",
    kind: "class",
    parent: `${PKG}.SessionStore`,
  });

  test("replaces exactly the body ranges with TODO(), keeping signatures, fields, annotations, KDoc and nested classes", () => {
    const { pairs } = generate(skeletonPairs, [cls, nested]);
    expect(pairs).toHaveLength(1); // the nested class is taught inside its outer class
    const input = pairs[0]!.input_text;
    const code = input.slice(input.indexOf("```kotlin"));
    expect(code.split("TODO()").length - 1).toBe(5);
    for (const kept of ["/** Keeps the session. */", "@Stable", "private val cache = mutableMapOf<String, String>()", "val size: Int get() = TODO()", "init { TODO() }", "fun token(): String? = TODO()", "fun save(key: String, value: String) { TODO() }", "class Snapshot(val entries: Map<String, String>) {", "fun isEmpty(): Boolean { TODO() }"]) {
      expect(input).toContain(kept);
    }
    for (const body of ["cache.size", "storage.write", "entries.isEmpty()", "readAll"]) expect(input).not.toContain(body);
    expect(pairs[0]!.target_text).toBe(cls.code);
  });

  test("works for a large class (hundreds of members)", () => {
    const methods = Array.from({ length: 300 }, (_, i) => `    fun m${i}(x: Int): Int ⟦{\n        return x + ${i}\n    }⟧`).join("\n");
    const big = block(`class Big {\n${methods}\n}`, { name: "Big", kind: "class" });
    const [p] = generate(skeletonPairs, [big]).pairs;
    expect(p!.input_text.slice(p!.input_text.indexOf("```kotlin")).split("TODO()").length - 1).toBe(300);
    expect(p!.input_text).not.toContain("return x +");
  });

  test("a delegated property becomes `by lazy { TODO() }`, never `val x: T TODO()`", () => {
    const vm = block("class Vm {\n    private val repo: Repo ⟦by inject()⟧\n    fun load(): Int ⟦{\n        val a = 1\n        val b = 2\n        return a + b\n    }⟧\n}", { name: "Vm", kind: "class" });
    vm.body_ranges = vm.body_ranges.map((r) => (vm.code.slice(r.start, r.start + 2) === "by" ? { ...r, kind: "expression" as const } : r));
    const [p] = generate(skeletonPairs, [vm]).pairs;
    expect(p!.input_text).toContain("private val repo: Repo by lazy { TODO() }");
  });

  test("a skeleton must hide at least 3 lines and a quarter of its target", () => {
    const tiny = block("class Tiny(val x: Int) {\n    val a = 1\n    val b = 2\n    val c = 3\n    fun twice(): Int = ⟦x * 2⟧\n}", { name: "Tiny", kind: "class" });
    const r = generate(skeletonPairs, [tiny]);
    expect(r.pairs).toHaveLength(0);
    expect(r.skips).toEqual(["skeleton_hides_too_little"]);
  });

  test("no pair for a class without bodies, or with ranges that do not fit its code", () => {
    const data = block("data class Point(val x: Int, val y: Int)", { name: "Point", kind: "class" });
    const broken = { ...cls, id: "broken", body_ranges: [{ start: 10, end: 99999, kind: "block" as const, owner: "x" }] };
    const r = generate(skeletonPairs, [data, broken]);
    expect(r.pairs).toHaveLength(0);
    expect(r.skips.sort()).toEqual(["bad_body_ranges", "skeleton_without_bodies"]);
  });
});

describe("composable", () => {
  const ui = block(
    "@Composable\nfun ProfileCard(state: ProfileUiState, onRetry: () -> Unit, modifier: Modifier = Modifier, actions: @Composable RowScope.() -> Unit) ⟦{\n    Card(modifier) {\n        Text(state.name)\n        Button(onClick = onRetry) { Text(\"Retry\") }\n        Row { actions() }\n    }\n}⟧",
    {
      name: "ProfileCard",
      is_composable: true,
      annotations: ["Composable"],
      kdoc: "/** Shows the signed-in user's profile. */",
      params: [
        { name: "state", type: "ProfileUiState" },
        { name: "onRetry", type: "() -> Unit" },
        { name: "modifier", type: "Modifier" },
        { name: "actions", type: "@Composable RowScope.() -> Unit" },
      ],
      calls: ["Card", "Text", "Button", "Row"],
    },
  );

  test("its KDoc and signature, no prose from parameter names; roles stay in meta; target is the full function", () => {
    const [p] = generate(composablePairs, [ui]).pairs;
    expect(p!.target_text).toBe(ui.code);
    for (const s of ["the composable function `ProfileCard`", "What it shows: Shows the signed-in user's profile.", ui.signature]) expect(p!.input_text).toContain(s);
    expect(p!.input_text.toLowerCase()).not.toContain("profile card");
    expect(p!.input_text).not.toContain("Button(onClick");
    expect(p!.meta.state_params).toEqual(["state"]);
  });

  test("Android-only composables are Jetpack Compose, shared ones Compose Multiplatform; a companion's method is named by its class", () => {
    const androidUi = { ...ui, id: "and", platform: "android" as const, source_set: "main", path: "app/src/main/java/com/acme/Ui.kt" };
    const texts = [0, 1, 2, 3, 4, 5].map((seed) => generate(composablePairs, [androidUi], cfg({ seed })).pairs[0]!.input_text);
    expect(texts.join("\n")).not.toContain("Compose Multiplatform");
    expect(texts.some((t) => t.includes("Jetpack Compose"))).toBe(true);
    const fromFile = block("fun fromFileName(name: String): Kind = ⟦Kind.valueOf(name)⟧", { name: "fromFileName", parent: `${PKG}.Kind.Companion` });
    expect(declarationPhrase(fromFile)).toBe("the companion-object method `fromFileName` of `Kind`");
  });

  test("plain functions are not composable pairs", () => {
    expect(generate(composablePairs, [{ ...ui, is_composable: false }]).pairs).toHaveLength(0);
  });
});

describe("full_file", () => {
  const vm = block("/** Holds the cart screen state. */\nclass CartViewModel(private val repo: CartRepository) {\n    fun total(): Int ⟦{ return repo.items().sumOf { it.price } }⟧\n}", {
    name: "CartViewModel",
    kind: "class",
    kdoc: "/** Holds the cart screen state. */",
    path: "shared/src/commonMain/kotlin/com/acme/app/Cart.kt",
    imports: ["kotlinx.coroutines.flow.StateFlow", "io.ktor.client.HttpClient", `${PKG}.data.CartRepository`],
  });
  const helper = block("fun formatCents(cents: Int): String = ⟦\"${cents / 100}.${cents % 100}\"⟧", { name: "formatCents", path: vm.path, imports: vm.imports });
  const repoIface = block("interface CartRepository {\n    fun items(): List<Item>\n}", { name: "CartRepository", kind: "interface", package: `${PKG}.data`, path: "shared/src/commonMain/kotlin/com/acme/app/data/CartRepository.kt" });
  const file = fileOf(vm.path, [vm, helper]);

  test("describes the file's declarations, libraries and project types; target is the whole file", () => {
    const [p] = generate(fullFilePairs, [file, vm, helper, repoIface]).pairs.filter((c) => c.target.path === vm.path);
    expect(p!.target_text).toBe(file.code);
    for (const s of [`\`${vm.path}\``, `It lives in the package \`${PKG}\`.`, "commonMain", "/** Holds the cart screen state. */\nclass CartViewModel(private val repo: CartRepository)", 'fun formatCents(cents: Int): String', "kotlinx.coroutines", "io.ktor.client", "// Declared elsewhere in the project\ninterface CartRepository"]) {
      expect(p!.input_text).toContain(s);
    }
    expect(p!.input_text).not.toContain("sumOf");
    expect(p!.input_text).not.toContain("format cents");
    expect(p!.answerLines).toContain("return repo.items().sumOf { it.price }");
  });

  test("overloads are outlined each by its own signature, not the last one's twice", () => {
    const path = "shared/src/commonMain/kotlin/com/acme/app/Text.kt";
    const a = block('fun String.remove(c: Char): String ⟦{\n    val out = filter { it != c }\n    println(out)\n    return out\n}⟧', { name: "remove", path, start_line: 3, end_line: 7 });
    const b = block('fun String.remove(s: String): String ⟦{\n    val out = replace(s, "")\n    println(out)\n    return out\n}⟧', { name: "remove", path, start_line: 9, end_line: 13 });
    const f = fileOf(path, [a, b]);
    const [p] = generate(fullFilePairs, [f, a, b], cfg({ minSkeletonHiddenShare: 0 })).pairs;
    expect(p!.input_text).toContain("fun String.remove(c: Char): String");
    expect(p!.input_text).toContain("fun String.remove(s: String): String");
  });

  test("only Kotlin source files become full_file pairs", () => {
    const script = { ...file, id: "kts", path: "build.gradle.kts" };
    expect(generate(fullFilePairs, [script]).pairs).toHaveLength(0);
  });
});

describe("gradle", () => {
  const info: GradleInfo = {
    plugins: ["kotlin(\"multiplatform\")", "libs.plugins.android.library"],
    is_kmp: true,
    targets: ["androidTarget", "iosArm64", "iosSimulatorArm64", "jvm"],
    source_sets: [
      { name: "commonMain", dependencies: ["libs.ktor.client.core", "project(\":core\")"] },
      { name: "androidMain", dependencies: ["libs.ktor.client.okhttp"] },
      { name: "iosMain", dependencies: [] },
    ],
    android: { namespace: "com.acme.shared", compile_sdk: "35", min_sdk: "24" },
    catalog_refs: [
      { alias: "libs.ktor.client.core", resolved: "io.ktor:ktor-client-core:3.0.1" },
      { alias: "libs.ktor.client.okhttp", resolved: "io.ktor:ktor-client-okhttp:3.0.1" },
    ],
    plugin_registrations: [], settings: [], blocks: [],
  };
  const script = "plugins {\n    kotlin(\"multiplatform\")\n}\nkotlin {\n    androidTarget()\n    jvm()\n    sourceSets {\n        commonMain.dependencies {\n            implementation(libs.ktor.client.core)\n        }\n    }\n}\n";
  const gradle = block(script, { kind: "gradle", name: "build.gradle.kts", path: "shared/build.gradle.kts", dsl: "kotlin", gradle: info, body_ranges: [] });

  test("describes plugins, targets, source sets with dependencies, Android settings and catalog entries", () => {
    const [p] = generate(gradlePairs, [gradle]).pairs;
    expect(p!.target_text).toBe(script);
    for (const s of ["Module: shared", "kotlin(\"multiplatform\")", "androidTarget, iosArm64, iosSimulatorArm64, jvm", "iOS: builds for iosArm64 and iosSimulatorArm64", "- commonMain: libs.ktor.client.core (io.ktor:ktor-client-core:3.0.1), project(\":core\")", "namespace com.acme.shared, compileSdk 35, minSdk 24", "libs.ktor.client.okhttp = io.ktor:ktor-client-okhttp:3.0.1", "Other source sets configured: iosMain"]) {
      expect(p!.input_text).toContain(s);
    }
    expect(p!.input_text).not.toContain("implementation(");
  });

  test("the values a script sets and its other top-level blocks are stated", () => {
    const lines = describeGradle({ ...info, settings: [{ scope: "multiplatformResources", statement: 'resourcesPackage.set("com.acme")' }], blocks: ["multiplatformResources { }", "setupMultiplatform()"] }, "shared");
    expect(lines).toContain("Other top-level calls and blocks: `multiplatformResources { }`, `setupMultiplatform()`.");
    expect(lines).toContain('- in `multiplatformResources`: `resourcesPackage.set("com.acme")`');
  });

    test("the script's imports are shown: they name the helpers it calls", () => {
    const [p] = generate(gradlePairs, [{ ...gradle, imports: ["com.acme.gradle.setupMultiplatform"] }]).pairs;
    expect(p!.input_text).toContain("Imports:\n```kotlin\nimport com.acme.gradle.setupMultiplatform\n```");
  });

    test("the module's top-level dependencies block is not called a source set", () => {
    const g = { ...info, source_sets: [{ name: "dependencies", dependencies: ["libs.androidx.core"] }] };
    const lines = describeGradle(g, "app");
    expect(lines).toContain("- the module's top-level dependencies { } block: libs.androidx.core");
    expect(lines.join("\n")).not.toContain("- dependencies:");
  });

    test("Groovy scripts and settings scripts make no gradle pair", () => {
    const groovy = { ...gradle, id: "g", path: "build.gradle", dsl: "groovy" as const, gradle: null };
    const settings = { ...gradle, id: "s", path: "settings.gradle.kts" };
    const r = generate(gradlePairs, [groovy, settings]);
    expect(r.pairs).toHaveLength(0);
    expect(r.skips).toEqual(["gradle_groovy"]);
  });
});
