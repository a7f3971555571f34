import { describe, expect, test } from "bun:test";
import {
  echoSentences,
  hasLicenceHeader,
  identifierWords,
  isEchoSentence,
  projectTypeUse,
  promptCode,
  proseSentences,
  skeletonHidesLittle,
  splitIdentifier,
} from "../../bench/rows-metrics.ts";

describe("splitIdentifier", () => {
  test("camelCase, PascalCase, snake_case, acronyms and digits", () => {
    expect(splitIdentifier("androidParametersHolder")).toEqual(["android", "parameters", "holder"]);
    expect(splitIdentifier("HTTPClientFactory")).toEqual(["http", "client", "factory"]);
    expect(splitIdentifier("MAX_RETRY_COUNT")).toEqual(["max", "retry", "count"]);
    expect(splitIdentifier("parseISO8601Date")).toEqual(["parse", "iso", "8601", "date"]);
  });
});

describe("identifierWords", () => {
  test("keeps identifiers of code, not keywords, comments or strings", () => {
    const words = identifierWords('/** Builds a greeting. */\nfun greetUser(name: String) = "hello $name"');
    expect([...words].sort()).toEqual(["greet", "name", "string", "user"]);
  });
});

describe("echo sentences", () => {
  const words = (target: string) => identifierWords(target);

  test("sentences made of the target's identifier words plus filler count", () => {
    expect(isEchoSentence("It should android parameters holder.", words("class AndroidParametersHolder"))).toBe(true);
    const it = words("class IntegrationTest { fun run() {} }");
    expect(isEchoSentence("Task: integration test.", it)).toBe(true);
    expect(isEchoSentence("It should integration test.", it)).toBe(true);
    expect(isEchoSentence("Purpose: It should invoke.", words("operator fun invoke(): Int = 1"))).toBe(true);
    expect(isEchoSentence("Confetti theme.", words("@Composable fun ConfettiTheme(content: @Composable () -> Unit) {}"))).toBe(true);
    expect(isEchoSentence("class `FooBar`: foo bar", words("class FooBar"))).toBe(true);
  });

  test("instructions with code, KDoc sentences and facts do not", () => {
    const parse = words("fun parse(text: String): Instant = Instant.parse(text)");
    expect(isEchoSentence("Implement `fun parse(text: String): Instant`.", parse)).toBe(false);
    expect(isEchoSentence("Parses an ISO-8601 timestamp into an Instant.", parse)).toBe(false);
    expect(isEchoSentence("It lives in the commonMain source set (common).", parse)).toBe(false);
    // A label whose value is only code states a fact, even when the label is an identifier word.
    expect(isEchoSentence("dependencies: libs.ktor.core", words("dependencies { implementation(libs.ktor.core) }"))).toBe(false);
  });

  test("code lines, metadata and declaration bullets are not prose", () => {
    const prompt = [
      "Here is the skeleton of `FooBar`. It should foo bar.",
      "Source set: commonMain (common).",
      "Package: dev.example.foo",
      "",
      "class FooBar {",
      "    fun foo(): Int { TODO() }",
      "}",
      "",
      "It has these members:",
      "- private val bar",
      "- class `FooBar`: foo bar",
    ].join("\n");
    expect(proseSentences(prompt)).toEqual(["Here is the skeleton of `FooBar`.", "It should foo bar.", "class `FooBar`: foo bar"]);
    expect(echoSentences(prompt, "class FooBar {\n    fun foo(): Int = 1\n}")).toEqual(["It should foo bar.", "class `FooBar`: foo bar"]);
  });

  test("code after a `starting from:` line is skipped to the end of its paragraph", () => {
    const prompt = "Write the whole of `readAll`, starting from:\npublic fun readAll(\n    source: Source,\n): Int";
    expect(proseSentences(prompt)).toEqual([]);
  });
});

describe("projectTypeUse", () => {
  const types = new Set(["UserRepository", "User", "Helper", "String"]);
  test("project types the target uses, minus its own, and those the prompt never names", () => {
    const target = "class Helper(val repo: UserRepository) {\n  fun name(u: User): String = u.name // Session\n}";
    const r = projectTypeUse("Write `Helper`, given a `UserRepository`.", target, types);
    expect(r.used).toEqual(["String", "User", "UserRepository"]);
    expect(r.missing).toEqual(["String", "User"]);
  });
});

describe("hasLicenceHeader", () => {
  test("a leading comment naming a copyright or licence", () => {
    expect(hasLicenceHeader("\n/*\n * Copyright 2024 Example Ltd.\n */\npackage a")).toBe(true);
    expect(hasLicenceHeader("// SPDX-License-Identifier: Apache-2.0\npackage a")).toBe(true);
    expect(hasLicenceHeader("/** Loads the user. */\nfun load() {}")).toBe(false);
    expect(hasLicenceHeader("package a\n// Copyright 2024")).toBe(false);
  });
});

describe("promptCode", () => {
  test("skeleton: everything after the first blank line", () => {
    expect(promptCode("Fill in `A`.\nSource set: x.\n\nclass A {\n  fun f() { TODO() }\n}", "skeleton_to_complete")).toEqual(["class A {\n  fun f() { TODO() }\n}"]);
  });
  test("others: fenced blocks, else paragraphs that start like a declaration", () => {
    expect(promptCode("Do it.\n```kotlin\nval x = 1\n```\n", "description_to_code")).toEqual(["val x = 1"]);
    const p = "Provide the `actual`.\nPackage: a.b\n\nexpect class A {\n  fun f(): Int\n}\n\nIt has these members:\n- fun f()";
    expect(promptCode(p, "expect_actual")).toEqual(["expect class A {\n  fun f(): Int\n}"]);
    expect(promptCode("Write it.\n\nSignature:\n@Composable\nfun Foo()", "composable")).toEqual(["@Composable\nfun Foo()"]);
    expect(promptCode("Create the file.\n- class `A`: a", "full_file")).toBeNull();
    // Blank lines inside the code do not cut it; the prose paragraph after it does.
    const split = "Implement `B`.\n\ninterface A {\n    fun f()\n\n    /** G. */\n    fun g()\n}\n\nIt has these members:\n- fun f()";
    expect(promptCode(split, "interface_implementation")).toEqual(["interface A {\n    fun f()\n\n    /** G. */\n    fun g()\n}"]);
  });
  test("fenced prompts: one part per fence; a skeleton's is its first fence", () => {
    const p = "Complete `A`.\n\n```kotlin\nclass A {\n  fun f() { TODO() }\n}\n```\n\nContext from the project:\n```kotlin\nimport x.Y\n\nclass Y\n```";
    expect(promptCode(p, "skeleton_to_complete")).toEqual(["class A {\n  fun f() { TODO() }\n}"]);
    expect(promptCode(p, "description_to_code")).toEqual(["class A {\n  fun f() { TODO() }\n}", "import x.Y\n\nclass Y"]);
  });
});

describe("skeletonHidesLittle", () => {
  test("fewer than 3 hidden lines, or under a quarter of the target", () => {
    const skeleton = "fun f(): Int { TODO() }";
    expect(skeletonHidesLittle(skeleton, "fun f(): Int {\n  return 1\n}")).toBe(true);
    expect(skeletonHidesLittle(skeleton, "fun f(): Int {\n  val a = 1\n  val b = 2\n  return a + b\n}")).toBe(false);
    const big = Array.from({ length: 20 }, (_, i) => `  fun f${i}() { TODO() }`).join("\n");
    const bigTarget = Array.from({ length: 20 }, (_, i) => `  fun f${i}() {}`).join("\n") + "\nval a = 1\nval b = 2\nval c = 3";
    expect(skeletonHidesLittle(big, bigTarget)).toBe(true); // 3 hidden of 23
  });
});
