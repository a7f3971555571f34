/** Licence text and names → SPDX ids, by normalised-text matching. */
import { describe, expect, test } from "bun:test";
import { licenceAllowed } from "../../src/licence/allowed.ts";
import { parseLicenses } from "../../src/options.ts";
import { identifyLicenceFile, matchLicenceName, matchLicenceText, normaliseLicenceText } from "../../src/licence/match.ts";
import { LICENCE_TEXTS, UNKNOWN_LICENCE } from "./fixtures.ts";

describe("matchLicenceText", () => {
  test.each(Object.entries(LICENCE_TEXTS))("%s", (spdx, text) => {
    expect(matchLicenceText(text)).toBe(spdx);
  });

  test("wrapping, Markdown, comment stars and case do not matter", () => {
    const md = "## MIT licence\n\n*Permission* is hereby granted, **free of charge**, to any person\nobtaining a copy of this software…\n\n> The above copyright notice and this permission notice shall be\n> included in all copies.";
    expect(matchLicenceText(md)).toBe("MIT");
    expect(matchLicenceText("/*\n * Licensed under the Apache License,\n * Version 2.0 (the \"License\");\n */")).toBe("Apache-2.0");
  });

  test("a licence's close relative is told apart", () => {
    // The BSD-3 text without its third clause is the BSD-2 text.
    expect(matchLicenceText(LICENCE_TEXTS["BSD-3-Clause"]!.replace(/3\. Neither[\s\S]*$/, ""))).toBe("BSD-2-Clause");
    // The LGPL-3.0 names the GPL-3.0 it builds on, and is still the LGPL.
    expect(matchLicenceText(LICENCE_TEXTS["LGPL-3.0"]!)).toBe("LGPL-3.0");
  });

  test("unknown terms and unrelated text match nothing", () => {
    expect(matchLicenceText(UNKNOWN_LICENCE)).toBeNull();
    expect(matchLicenceText("# Calendar\n\nA calendar view for Compose Multiplatform.")).toBeNull();
    expect(matchLicenceText("")).toBeNull();
  });
});

describe("matchLicenceName", () => {
  test.each([
    ["kotlinx-io is licensed under the [Apache 2.0 License](LICENSE).", "Apache-2.0"],
    ["Calendar library is distributed under the MIT license.", "MIT"],
    ["Released under the GNU General Public License v3.0", "GPL-3.0"],
    ["This library is free software; you can redistribute it under the terms of the GNU Lesser General Public License as published by the Free Software Foundation; either version 2.1 of the License", "LGPL-2.1"],
    ["This program is free software: you can redistribute it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License", "GPL-3.0"],
    ["Licence: GPLv2", "GPL-2.0"],
    ["https://img.shields.io/badge/License-Apache%202.0-blue.svg", "Apache-2.0"],
    ["https://img.shields.io/badge/license-BSD--3--Clause-green", "BSD-3-Clause"],
    ["SPDX-License-Identifier: MPL-2.0", "MPL-2.0"],
    ["Dual-licensed under MIT or Apache-2.0, at your option", "MIT"],
    ["Licensed under the terms in LICENSE.", null],
    ["Submit your pull request under the same terms.", null],
  ])("%p → %p", (statement, spdx) => {
    expect(matchLicenceName(statement)).toBe(spdx);
  });
});

describe("identifyLicenceFile", () => {
  test("an edited text is still named by its title", () => {
    const edited = "MIT License\n\nCopyright 2024 X\n\nYou may do as you please with this, but keep this notice.";
    expect(identifyLicenceFile(edited)).toEqual({ spdx: "MIT", by: "title" });
    expect(identifyLicenceFile(LICENCE_TEXTS.ISC!)).toEqual({ spdx: "ISC", by: "text" });
    expect(identifyLicenceFile(UNKNOWN_LICENCE)).toBeNull();
  });
});

test("normalisation keeps version numbers and spells licence one way", () => {
  expect(normaliseLicenceText("Licence, Version 2.0.")).toBe(" license version 2.0 ");
  expect(normaliseLicenceText("and/or\tA&B")).toBe(" and or a and b ");
});

describe("licenceAllowed", () => {
  test.each([
    ["MIT", "permissive", true],
    ["apache-2.0", "MIT,Apache-2.0", true],
    ["GPL-3.0", "permissive", false],
    [null, "permissive", false],
    [null, "any", true],
    ["GPL-3.0", "any", true],
    ["GPL-3.0 OR MIT", "permissive", true],
    ["MIT AND GPL-3.0", "permissive", false],
    ["MIT AND Apache-2.0", "permissive", true],
    ["(MIT OR GPL-3.0)", "permissive", false],
  ])("%p under --licenses %p → %p", (license, flag, allowed) => {
    expect(licenceAllowed(license, parseLicenses(flag))).toBe(allowed);
  });
});
