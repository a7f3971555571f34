import { describe, expect, test } from "bun:test";
import {
  OptionValueError,
  defaultPushedSince,
  parseBool,
  parseDate,
  parseFloatInRange,
  parseIntStrict,
  parseLicenses,
  parseSplit,
  PERMISSIVE_LICENSES,
} from "../src/options.ts";

describe("parseIntStrict", () => {
  test.each([
    ["4", 1, undefined, 4],
    [" 16 ", 1, undefined, 16],
    ["0", 0, undefined, 0],
    ["1024", 1, 1024, 1024],
  ])("%p (min %p, max %p) → %p", (v, min, max, want) => {
    expect(parseIntStrict(v, "--x", min, max)).toBe(want);
  });
  test.each([
    ["0", 1, undefined, "at least 1"],
    ["-5", 1, undefined, "at least 1"],
    ["2000", 1, 1024, "between 1 and 1024"],
    ["1.5", 1, undefined, "whole number"],
    ["abc", 1, undefined, "whole number"],
    ["", 1, undefined, "whole number"],
  ])("%p (min %p, max %p) fails with %p", (v, min, max, msg) => {
    expect(() => parseIntStrict(v, "--x", min, max)).toThrow(OptionValueError);
    expect(() => parseIntStrict(v, "--x", min, max)).toThrow(msg);
  });
});

describe("parseSplit", () => {
  test.each([
    ["90,5,5", [90, 5, 5]],
    ["80, 10, 10", [80, 10, 10]],
    ["100,0,0", [100, 0, 0]],
  ])("%p", (v, want) => expect(parseSplit(v)).toEqual(want as [number, number, number]));
  test.each([["90,5"], ["90,5,6"], ["a,b,c"], ["0,50,50"], ["90,-5,15"]])("%p is refused", (v) => {
    expect(() => parseSplit(v)).toThrow(OptionValueError);
  });
});

describe("parseLicenses", () => {
  test("any", () => expect(parseLicenses("any")).toEqual({ kind: "any" }));
  test("permissive is the allow-list", () => expect(parseLicenses("permissive")).toEqual({ kind: "list", ids: [...PERMISSIVE_LICENSES] }));
  test("comma list", () => expect(parseLicenses("MIT, Apache-2.0")).toEqual({ kind: "list", ids: ["MIT", "Apache-2.0"] }));
  test.each([[""], ["MIT;GPL"], ["M I T"]])("%p is refused", (v) => expect(() => parseLicenses(v)).toThrow(OptionValueError));
});

describe("other parsers", () => {
  test.each([["true", true], ["FALSE", false], ["yes", true], ["0", false]])("parseBool %p", (v, want) =>
    expect(parseBool(v, "--b")).toBe(want),
  );
  test("parseBool refuses other words", () => expect(() => parseBool("maybe", "--b")).toThrow("true or false"));
  test("parseDate", () => {
    expect(parseDate("2024-02-29", "--d")).toBe("2024-02-29");
    expect(() => parseDate("2024/02/29", "--d")).toThrow(OptionValueError);
    expect(() => parseDate("yesterday", "--d")).toThrow(OptionValueError);
  });
  test("parseFloatInRange", () => {
    expect(parseFloatInRange("0.7", "--t", 0, 1)).toBe(0.7);
    expect(() => parseFloatInRange("1.5", "--t", 0, 1)).toThrow("between 0 and 1");
    expect(() => parseFloatInRange("x", "--t", 0, 1)).toThrow("must be a number");
  });
  test("defaultPushedSince is three years back", () => {
    expect(defaultPushedSince(new Date("2026-11-25T10:00:00Z"))).toBe("2023-11-25");
  });
});
