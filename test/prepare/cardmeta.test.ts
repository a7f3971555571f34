/** The card's Hub metadata: YAML that parses, Hub licence ids, the three splits; no local paths. */
import { describe, expect, test } from "bun:test";
import { cardYaml, hubLicense, portableCommandLine, sizeCategory } from "../../src/prepare/cardmeta.ts";

const parse = (card: string) => Bun.YAML.parse(card.replace(/^---\n/, "").replace(/\n---$/, "")) as Record<string, unknown>;

describe("dataset card metadata", () => {
  test("YAML that parses, with the Hub's licence ids, task, languages, size and the three split files", () => {
    const meta = parse(cardYaml({ licenses: ["Apache-2.0", "MIT"], rows: 1870, files: { train: "train.jsonl", validation: "val.jsonl", test: "test.jsonl" } }));
    expect(meta.license).toEqual(["apache-2.0", "mit"]);
    expect(meta.task_categories).toEqual(["text-generation"]);
    expect(meta.language).toEqual(["code", "en"]);
    expect(meta.tags).toContain("kotlin-multiplatform");
    expect(meta.size_categories).toEqual(["1K<n<10K"]);
    expect(meta.configs).toEqual([
      { config_name: "default", data_files: [{ split: "train", path: "train.jsonl" }, { split: "validation", path: "val.jsonl" }, { split: "test", path: "test.jsonl" }] },
    ]);
  });

  test("one licence is a value; one without a Hub id is `other`, named", () => {
    expect(parse(cardYaml({ licenses: ["MIT"], rows: 10, files: { train: "a", validation: "b", test: "c" } })).license).toBe("mit");
    const mixed = parse(cardYaml({ licenses: ["MIT", "LicenseRef-Acme", "unknown"], rows: 10, files: { train: "a", validation: "b", test: "c" } }));
    expect(mixed.license).toEqual(["mit", "other"]);
    expect(mixed.license_name).toBe("LicenseRef-Acme, unknown");
    expect(hubLicense("GPL-3.0-only")).toBe("gpl-3.0");
    expect(hubLicense("Apache-2.0")).toBe("apache-2.0");
  });

  test.each([
    [999, "n<1K"],
    [1000, "1K<n<10K"],
    [50_000, "10K<n<100K"],
  ])("%d rows → %s", (rows, bucket) => expect(sizeCategory(rows)).toBe(bucket));

  test("the command line keeps no local paths", () => {
    expect(portableCommandLine("kmpdata run --repos-dir /home/ann/kmp/corpus --data-dir /tmp/kc --threads 2")).toBe("kmpdata run --repos-dir …/corpus --data-dir <data-dir> --threads 2");
    expect(portableCommandLine("kmpdata prepare --data-dir=/srv/data/ -q")).toBe("kmpdata prepare --data-dir=<data-dir> -q");
    expect(portableCommandLine("kmpdata run --source sample")).toBe("kmpdata run --source sample");
  });
});
