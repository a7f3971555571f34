import { expect, test } from "bun:test";
import { defaultPipelineOptions } from "../../src/options.ts";
import { scrapeStage } from "../../src/scrape/index.ts";
import type { StageContext } from "../../src/stage.ts";

test("the default --pushed-since is fingerprinted as a rule, so tomorrow's run still skips", () => {
  const ctx = {} as StageContext;
  const today = defaultPipelineOptions(new Date()).scrape;
  const yesterday = defaultPipelineOptions(new Date(Date.now() - 86_400_000)).scrape;
  expect(JSON.stringify(scrapeStage.outputOptions(ctx, today))).toContain("default: 3 years back");
  expect(JSON.stringify(scrapeStage.outputOptions(ctx, { ...yesterday, pushedSince: "2020-01-01" }))).toContain("2020-01-01");
  expect(JSON.stringify(scrapeStage.outputOptions(ctx, { ...today, githubToken: "secret-token" }))).not.toContain("secret-token");
});
