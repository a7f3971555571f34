/** Licence headers leave pair targets; KDoc and comments inside code stay. */
import { describe, expect, test } from "bun:test";
import { isLicenceComment, stripLicenceHeader } from "../../src/pairs/licence-header.ts";
import { PairMaker } from "../../src/pairs/maker.ts";
import { block, cfg, fileOf, repoOf } from "./support.ts";

const BLOCK_HEADER = `/*
 * Copyright 2023 Example Widgets Ltd.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 */
`;

const CODE = `package com.example.widgets

/** A widget that counts. */
class Counter {
    fun next(): Int = 1
}
`;

describe("stripLicenceHeader", () => {
  test.each([
    ["block comment, blank line, package", `${BLOCK_HEADER}\n${CODE}`, CODE],
    ["block comment straight before package", `${BLOCK_HEADER}${CODE}`, CODE],
    ["a run of // lines", `// Copyright (c) 2022 Jane Doe\n// SPDX-License-Identifier: MIT\n\n${CODE}`, CODE],
    ["two header comments", `// Copyright © 2021 Jane Doe\n\n/* Use of this source code is governed by the MIT license. */\n\n${CODE}`, CODE],
    ["a licence in KDoc form", `/**\n * Copyright (C) 2020 Acme. All rights reserved.\n */\n${CODE}`, CODE],
    ["after @file: annotations and imports", `@file:Suppress("unused")\n\nimport a.B\n\n${BLOCK_HEADER}\nplugins {\n}\n`, `@file:Suppress("unused")\n\nimport a.B\n\nplugins {\n}\n`],
    ["after leading blank lines", `\n\n${BLOCK_HEADER}\n${CODE}`, CODE],
  ])("stripped: %s", (_what, text, expected) => {
    expect(stripLicenceHeader(text)).toEqual({ text: expected, stripped: true });
  });

  test.each([
    ["a file without a header", CODE],
    ["a declaration's KDoc that is not a licence", `/**\n * Shows the licences of the libraries the app uses.\n */\n@Composable\nfun LicencesScreen() {\n}\n`],
    ["a plain comment before the package", `// Shared models.\n${CODE}`],
    ["a header-like comment inside a declaration", `class Notice {\n    /*\n     * Copyright 2020 Someone. Licensed under the Apache License.\n     */\n    val text = ""\n}\n`],
    ["a header after the first declaration", `${CODE}\n${BLOCK_HEADER}\nclass Later\n`],
    ["an unclosed block comment", `/* Copyright 2020 X\nclass A\n`],
  ])("kept: %s", (_what, text) => {
    expect(stripLicenceHeader(text)).toEqual({ text, stripped: false });
  });

  test("a non-licence comment before the header stays, the header goes", () => {
    const text = `// Shared models.\n${BLOCK_HEADER}\n${CODE}`;
    expect(stripLicenceHeader(text).text).toBe(`// Shared models.\n${CODE}`);
  });
});

describe("isLicenceComment", () => {
  test.each([
    ["/* Copyright 2019 X */", true],
    ["// Permission is hereby granted, free of charge", true],
    ["/* This program is free software: you can redistribute it */", true],
    ["/** Copies the file. The copyright holder field is optional. */", false],
    ["/** Returns the licence of a library as text. */", false],
  ])("%p → %p", (comment, yes) => {
    expect(isLicenceComment(comment)).toBe(yes);
  });
});

describe("in the pair maker", () => {
  const fn = (path: string) =>
    block("fun sumPrices(items: List<Item>): Int ⟦{\n    var total = 0\n    for (item in items) total += item.price\n    return total\n}⟧", {
      name: "sumPrices",
      path,
      params: [{ name: "items", type: "List<Item>" }],
      return_type: "Int",
    });
  const withHeader = (path: string, year: number) => {
    const decl = fn(path);
    const file = fileOf(path, [decl]);
    return [decl, { ...file, code: `/*\n * Copyright ${year} Acme\n * SPDX-License-Identifier: MIT\n */\n\n${file.code}` }];
  };

  test("file targets lose the header, counted; files that differ only in it teach their code once", () => {
    const maker = new PairMaker(cfg());
    const pairs = [...maker.pairsOf(repoOf([...withHeader("a/Prices.kt", 2020), ...withHeader("b/Prices.kt", 2024)]))];
    // One top-level declaration: each file is taught by it (the per-file plan), and the second copy is a duplicate.
    expect(pairs).toHaveLength(1);
    for (const p of pairs) expect(p.target_text).not.toContain("Copyright");
    expect(maker.counts.licence_headers_stripped).toBe(2);
    expect(maker.counts.dropped.duplicate).toBe(1);
    const whole = new PairMaker(cfg({ maxFileLines: 120 }));
    const files = [...whole.pairsOf(repoOf([...withHeader("a/Prices.kt", 2020)]))].filter((p) => p.pair_type === "full_file");
    expect(files.every((p) => p.target_text.startsWith("package "))).toBe(true);
  });
});
