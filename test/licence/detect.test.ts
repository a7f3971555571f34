/** A repository's licence from the files at its root: licence files first, then the README. */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { detectLicence, licenceFiles, readmeLicence, readmeLicenceSection } from "../../src/licence/detect.ts";
import { LICENCE_TEXTS, UNKNOWN_LICENCE } from "./fixtures.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-licence-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function repo(files: Record<string, string>): string {
  const dir = join(tmp, `r${n++}`);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

const README_APACHE_SECTION = `# Widgets

A widget library.

## Usage

Add the dependency. It uses OkHttp (Apache 2.0) and kotlinx.serialization.

## Licence

    Copyright 2024 Example

    Licensed under the Apache License, Version 2.0 (the "License");
    you may not use this file except in compliance with the License.

## Contributing

Pull requests are welcome under the MIT terms of the docs site.
`;

describe("detectLicence", () => {
  test.each([
    ["LICENSE", "Apache-2.0"],
    ["LICENCE.md", "MIT"],
    ["LICENSE.txt", "BSD-3-Clause"],
    ["license", "ISC"],
    ["COPYING", "GPL-3.0"],
    ["UNLICENSE", "Unlicense"],
  ])("a %s file holding the %s text", (file, spdx) => {
    expect(detectLicence(repo({ [file]: LICENCE_TEXTS[spdx]! }))).toEqual({ spdx, file, via: "licence_text" });
  });

  test("COPYING (the GPL) with COPYING.LESSER is the LGPL", () => {
    const dir = repo({ COPYING: LICENCE_TEXTS["GPL-3.0"]!, "COPYING.LESSER": LICENCE_TEXTS["LGPL-3.0"]! });
    expect(detectLicence(dir)).toEqual({ spdx: "LGPL-3.0", file: "COPYING.LESSER", via: "licence_text" });
  });

  test("LICENSE wins over COPYING, whatever the directory order", () => {
    const dir = repo({ COPYING: LICENCE_TEXTS["GPL-2.0"]!, LICENSE: LICENCE_TEXTS.MIT! });
    expect(licenceFiles(dir)).toEqual(["LICENSE", "COPYING"]);
    expect(detectLicence(dir)?.spdx).toBe("MIT");
  });

  test("a licence file with an edited text is named by its title", () => {
    const dir = repo({ "LICENSE.md": "# The MIT License (MIT)\n\nCopyright 2022 X\n\nUse it, keep this notice." });
    expect(detectLicence(dir)).toEqual({ spdx: "MIT", file: "LICENSE.md", via: "licence_title" });
  });

  test("with no licence file, the README's licence section says it", () => {
    const dir = repo({ "README.md": README_APACHE_SECTION, "build.gradle.kts": "plugins {}\n" });
    expect(detectLicence(dir)).toEqual({ spdx: "Apache-2.0", file: "README.md", via: "readme" });
  });

  test("an unrecognised licence file falls back to the README", () => {
    const dir = repo({ LICENSE: UNKNOWN_LICENCE, "README.md": "# X\n\nReleased under the BSD 2-Clause licence.\n" });
    expect(detectLicence(dir)).toEqual({ spdx: "BSD-2-Clause", file: "README.md", via: "readme" });
  });

  test("nothing said: null", () => {
    expect(detectLicence(repo({ LICENSE: UNKNOWN_LICENCE }))).toBeNull();
    expect(detectLicence(repo({ "README.md": "# X\n\nUses Ktor (Apache 2.0) and Koin.\n" }))).toBeNull();
    expect(detectLicence(repo({}))).toBeNull();
    expect(detectLicence(join(tmp, "does-not-exist"))).toBeNull();
  });

  test("a folder named LICENSE is not a licence file", () => {
    const dir = repo({ "LICENSE/notes.txt": LICENCE_TEXTS.MIT! });
    expect(licenceFiles(dir)).toEqual([]);
  });
});

describe("readmeLicence", () => {
  test("only the licence section counts, not other sections' mentions", () => {
    expect(readmeLicenceSection(README_APACHE_SECTION)).toContain("Licensed under the Apache License");
    expect(readmeLicenceSection(README_APACHE_SECTION)).not.toContain("Pull requests");
    expect(readmeLicence(README_APACHE_SECTION)).toBe("Apache-2.0");
  });

  test.each([
    ["Setext heading with the full text", `Widgets\n=======\n\nLicense\n-------\n\n${LICENCE_TEXTS.MIT}\nUsage\n-----\n\nApache 2.0 elsewhere`, "MIT"],
    ["bold heading", "**License**\n\nEPL 2.0\n", "EPL-2.0"],
    ["a sentence", "# X\n\nThis project is licensed under the Mozilla Public License 2.0 - see LICENSE.\n", "MPL-2.0"],
    ["the first sentence that names one", "# X\n\nAvailable under the same terms as the docs.\n\nDistributed under the MIT License.\n", "MIT"],
    ["a badge", "# X\n[![License](https://img.shields.io/badge/License-Apache%202.0-blue.svg)](LICENSE)\n", "Apache-2.0"],
    ["a badge that names nothing", "[![GitHub license](https://img.shields.io/github/license/acme/x)](LICENSE)\n", null],
    ["a section naming nothing", "## License\n\nSee LICENSE.\n", null],
  ])("%s", (_what, readme, spdx) => {
    expect(readmeLicence(readme)).toBe(spdx);
  });
});
