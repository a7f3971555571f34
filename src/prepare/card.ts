/**
 * The dataset card (final_training/README.md), rendered from stats.json only, so it cannot say
 * anything the numbers do not.
 */
import { cardYaml } from "./cardmeta.ts";
import { DEDUP_TYPE_PRIORITY } from "./dedup.ts";
import { PAIR_TYPES } from "../types.ts";
import { FORMAT_KEYS, SYSTEM_PROMPT } from "./formats.ts";
import { STEPS } from "./ledger.ts";
import { QUALITY_DIMENSIONS } from "./quality.ts";
import { MAX_LISTED_REPOSITORIES, type Distribution, type PrepareStats } from "./stats.ts";

const n = (x: number) => x.toLocaleString("en-US");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
function table(head: string[], rows: (string | number)[][]): string {
  return [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
}
const dist = (d: Distribution) => [n(d.mean), n(d.median), n(d.p95), n(d.max)];

export function renderCard(s: PrepareStats): string {
  const o = s.options;
  const types = PAIR_TYPES.filter((ty) => s.counts.total[ty]);
  const total = s.written.train! + s.written.val! + s.written.test!;
  const c = s.clusters;
  const out: string[] = [];
  // The Hub's metadata block first: licences, task, languages, size and the split files.
  const licenses = Object.keys(s.licenses).map((l) => (l === "none" ? "unknown" : l));
  out.push(cardYaml({ licenses, rows: total, files: { train: "train.jsonl", validation: "val.jsonl", test: "test.jsonl" } }));
  out.push(`# kmpdata — Kotlin Multiplatform fine-tuning pairs`);
  out.push(
    `${n(total)} ${total === 1 ? "row" : "rows"} (${n(s.written.train!)} train, ${n(s.written.val!)} val, ${n(s.written.test!)} test; ` +
      `all_train.jsonl = train + val, ${n(s.written.all_train!)} rows) in the \`${o.format}\` format, built by kmpdata ${s.version} ` +
      `with seed ${s.seed} from ${n(s.input.records)} pairs.`,
  );
  out.push(`Command line: \`${s.command_line}\``);

  out.push(`## Rows per split and pair type`);
  out.push(
    table(
      ["pair type", "train", "val", "test", "total"],
      [
        ...types.map((ty) => [ty, n(s.counts.train[ty] ?? 0), n(s.counts.val[ty] ?? 0), n(s.counts.test[ty] ?? 0), n(s.counts.total[ty] ?? 0)]),
        ["**all**", n(s.written.train!), n(s.written.val!), n(s.written.test!), n(total)],
        ["repositories", n(s.splits.train.repositories), n(s.splits.val.repositories), n(s.splits.test.repositories), ""],
      ],
    ),
  );
  out.push(...splitLines(s));

  out.push(`## How it was built`);
  const steps = s.drops.steps.map((st) => {
    const why = Object.entries(st.dropped).filter(([, k]) => k);
    return `- **${st.step}**: ${n(st.rows_in)} → ${n(st.rows_out)} rows` + (why.length ? ` (dropped: ${why.map(([r, k]) => `${r} ${n(k!)}`).join(", ")})` : "");
  });
  out.push(
    [
      `Each step keeps a row or drops it with one counted reason (stats.json → \`drops\`). In order:`,
      "",
      ...steps,
      "",
      `1. **Read** \`${s.input.files.map((f) => f.file).join("`, `")}\` (the pairs step's output, ${n(s.input.records)} records).`,
      `2. **Validate**: targets in .kt/.kts files must parse with the tree-sitter Kotlin grammar without ERROR nodes ` +
        `(Gradle Kotlin scripts included; ${n(s.validation.grammar_checks_skipped_not_kotlin)} targets from non-Kotlin files were not parsed), ` +
        `brackets must balance outside strings and comments, input ≤ ${n(o.maxInputTokens)} and target ≤ ${n(o.maxTargetTokens)} tokens ` +
        `(${s.tokens.tokenizer}).`,
      `3. **Exact dedup** on the target with whitespace and comments normalised: ${n(s.duplicates.exact)} removed.`,
      `4. **Structural dedup**: the target's tokens with the names it declares renamed to \`$1, $2, …\` and literals abstracted, so ` +
        `consistently renamed copies match; referenced names (types, library calls) stay: ${n(s.duplicates.structural)} removed.`,
      `5. **Near dedup**: MinHash over token ${c.minhash.ngram}-gram shingles (${c.minhash.permutations} permutations, seed ${c.minhash.seed}), ` +
        `LSH with ${c.minhash.bands} bands × ${c.minhash.rows} rows (chosen to minimise false positive + false negative area at Jaccard ` +
        `${c.minhash.threshold}); every bucket candidate verified by its estimated Jaccard (${n(c.lsh.verified)} verified, ` +
        `${n(c.lsh.rejected)} rejected); clusters by union-find. ${n(c.clusters_with_duplicates)} clusters of ≥ 2 rows ` +
        `(${n(c.rows_in_those_clusters)} rows, largest ${n(c.largest)}; one row of each cluster is kept, whatever its pair type, ` +
        `and a cluster always lands in one split); ${n(s.duplicates.near)} removed.` +
        (c.written_to ? ` Clusters are listed in \`${c.written_to}\`.` : ""),
      `   Each code span is taught once: in every dedup step copies are compared across pair types and one row is kept — ` +
        `the first pair type in ${DEDUP_TYPE_PRIORITY.join(" > ")}, then the highest-scored. ` +
        `(Before this, pairs already kept one row per span of each file — the same order, a KDoc-backed description before a skeleton — ` +
        `and never a row inside another row of the same file.)`,
      `6. **Quality floor** --min-quality ${o.minQuality}.`,
      `7. **Balance**: at most ${n(s.balance.cap)} rows per pair type (${s.balance.capSource}), keeping the best-scored; nothing is ever repeated.`,
      `8. **Sample**: ` +
        (s.sample.requested === null
          ? `no --sample-size, all ${n(s.sample.available)} rows kept.`
          : s.sample.requested >= s.sample.available
            ? `--sample-size ${n(s.sample.requested)} ≥ the ${n(s.sample.available)} rows available: all kept.`
            : `${n(s.sample.requested)} of ${n(s.sample.available)} rows, without replacement, quality-weighted (Efraimidis–Spirakis keys u^(1/score), u seeded by the row id), stratified by pair type.`),
      `9. **Split** ${o.split.join("/")} train/val/test, stratified by pair type, grouped by ${s.grouping.by} ` +
        `(${n(s.grouping.groups)} groups, largest ${n(s.grouping.largest_group_rows)} rows): no group is in two splits. ${s.grouping.note}.`,
    ].join("\n"),
  );

  out.push(`## Quality score`);
  out.push(
    `\`quality_score\` = Σ weight × dimension, each dimension in [0, 1]; the row's \`quality\` object holds the dimensions. ` +
      `Scores compare rows of the same pair type (dedup, the cap and sampling only compare within a type).`,
  );
  out.push(table(["dimension", "weight", "meaning", "mean here"], QUALITY_DIMENSIONS.map((d) => [d.key, d.weight, d.meaning, s.quality.dimension_means[d.key] ?? 0])));
  const q = s.quality.score;
  out.push(`Score: mean ${q.mean}, median ${q.median}, p10 ${q.p10}, p95 ${q.p95}, min ${q.min}, max ${q.max}.`);
  out.push(table(["score", "rows"], s.quality.histogram.filter((h) => h.rows).map((h) => [`${h.from.toFixed(1)}–${h.to.toFixed(1)}`, n(h.rows)])));

  out.push(`## Token lengths`);
  out.push(`Counted with ${s.tokens.tokenizer}.`);
  out.push(
    table(
      ["", "mean", "median", "p95", "max"],
      [
        ["input (all splits)", ...dist(s.tokens.input)],
        ["target (all splits)", ...dist(s.tokens.target)],
        ...Object.entries(s.tokens.by_split).flatMap(([split, d]) => [[`input (${split})`, ...dist(d.input)], [`target (${split})`, ...dist(d.target)]]),
      ],
    ),
  );

  out.push(`## Coverage`);
  out.push(table(["source set", "rows"], Object.entries(s.coverage.source_sets).map(([k, v]) => [k, n(v)])));
  out.push(table(["platform", "rows"], Object.entries(s.coverage.platforms).map(([k, v]) => [k, n(v)])));

  out.push(...pairsSection(s));
  out.push(`## Licenses`);
  out.push(
    `Each row keeps its repository's SPDX license id in \`license\` ("none" below = no license detected; such code is not licensed for reuse). ` +
      `Check the terms before redistributing.`,
  );
  out.push(table(["license", "rows"], Object.entries(s.licenses).map(([k, v]) => [k, n(v)])));

  out.push(`## Files and row format`);
  out.push(
    [
      `- \`train.jsonl\`, \`val.jsonl\`, \`test.jsonl\`, \`all_train.jsonl\` (train + val, for training without a validation set)`,
      `- \`stats.json\`: every number in this card`,
      ...(c.written_to ? [`- \`${c.written_to}\`: each cluster of related rows, with what was kept and why the rest was removed`] : []),
      "",
      `Keys of every row (\`${o.format}\`): ${FORMAT_KEYS[o.format].map((k) => `\`${k}\``).join(", ")}.` +
        (o.format === "messages"
          ? ` System message: “${SYSTEM_PROMPT}”${(o.fence ?? "kotlin") === "kotlin" ? " The assistant's answer is the code in a \`\`\`kotlin block (--fence none: bare)." : " The assistant's answer is the bare code."}`
          : "") +
        (o.format === "prompt-completion" ? ` Each prompt ends with the separator ${JSON.stringify(o.separator ?? "\n")} (--separator).` : ""),
    ].join("\n"),
  );

  out.push(`## Reproduce`);
  out.push(
    `\`${s.command_line}\` with kmpdata ${s.version} and seed ${s.seed} on the same training_pairs files gives byte-identical files ` +
      `(the order of rows is a seeded shuffle; --threads does not change the output).`,
  );
  out.push(`Drop reasons, in step order: ${STEPS.map((st) => `${st.step} (${st.reasons.join(", ")})`).join("; ")}.`);
  return out.join("\n\n") + "\n";
}

/** Which repositories each split comes from, and whether the held-out coverage rules hold. */
function splitLines(s: PrepareStats): string[] {
  const names = (["train", "val", "test"] as const).map((k) => {
    const r = s.splits[k];
    return r.repository_names ? `${k}: ${r.repository_names.map((x) => `\`${x}\``).join(", ") || "none"}` : `${k}: ${n(r.repositories)} repositories`;
  });
  const c = s.splits.coverage;
  const R = c.rules;
  const rules = [
    ...(c.repository_rule_applies ? [`val and test each come from ≥ ${R.min_repositories_per_held_out_split} repositories`] : []),
    ...(c.types_needing_test_rows.length ? [`every pair type with ≥ ${n(R.test_rule_from_type_rows)} rows (${c.types_needing_test_rows.join(", ")}) has ≥ ${R.min_test_rows_per_type} test rows`] : []),
  ];
  const bound = `val and test may hold up to ${R.max_share_overshoot}× their share: ${n(c.held_out_bound_rows.val)} and ${n(c.held_out_bound_rows.test)} rows`;
  let coverage: string;
  if (rules.length === 0)
    coverage =
      `No held-out coverage rule applies (they need ≥ ${R.repository_rule_from_repositories} repositories, or a pair type with ≥ ${n(R.test_rule_from_type_rows)} rows).`;
  else if (c.met)
    coverage =
      `Held-out coverage met: ${rules.join("; ")}.` +
      (c.searched ? ` The stratified placement missed it, so a seeded search over whole groups repaired it (${bound}).` : "");
  else
    coverage =
      `**Held-out coverage not met.** Wanted: ${rules.join("; ")} (${bound}). Missed: ${c.reasons.join("; ")}. ` +
      `Scores on val and test speak for fewer repositories or pair types than intended.`;
  const listed = s.splits.train.repository_names && s.splits.val.repository_names && s.splits.test.repository_names;
  return [`Repositories per split (${listed ? "all listed" : `listed when ≤ ${MAX_LISTED_REPOSITORIES}`}) — ${names.join("; ")}.`, coverage];
}

/** What the pairs step did (its pairs_stats.json) and how much code the final rows teach twice within a file. */
function pairsSection(s: PrepareStats): string[] {
  const out = [`## How the pairs were made`];
  const c = s.contained;
  out.push(
    `Each code span is taught once: within one file, ${(100 * c.share).toFixed(1)} % of the final rows' target characters ` +
      `(${n(c.contained_chars)} of ${n(c.chars)}) sit inside a longer final target of the same file.`,
  );
  const sh = s.shards;
  if (sh) {
    out.push(
      `Made on ${sh.count} ${sh.count === 1 ? "machine" : "machines"} (\`kmpdata run --shard i/${sh.count}\`) and merged with \`kmpdata merge\`: ${sh.merged} of ${sh.count} shards, ` +
        `${n(sh.repos)} repositories` +
        (sh.missing.length ? `; **missing shards: ${sh.missing.join(", ")}** (merged with --allow-missing: their repositories are not in this dataset)` : "") +
        (sh.clone_failures ? `; ${n(sh.clone_failures)} ${sh.clone_failures === 1 ? "clone failed and was" : "clones failed and were"} not replaced by another repository.` : "."),
    );
  }
  const p = s.pairs;
  if (!p) return out;
  const sources = Object.entries(p.description_sources).sort(([a], [b]) => (a < b ? -1 : 1));
  if (sources.length) {
    out.push(
      `Where a request's description comes from (before prepare's selection): ${sources.map(([k, v]) => `${k.replace(":", " from ")} ${n(v)}`).join(", ")}. ` +
        `\`kdoc\`: the declaration's own KDoc; \`signature\`: no KDoc, so the request is the signature and its context, never a sentence made from the name` +
        (p.descriptions ? `; \`llm\`: written by a model from the declaration and its context.` : "."),
    );
  }
  const d = p.descriptions;
  if (d) {
    const checks = Object.entries(d.checks).filter(([k]) => k !== "used").sort(([a], [b]) => (a < b ? -1 : 1));
    out.push(
      `Model-written descriptions: \`${d.model}\` with kmpdata's description template v${d.template_version}, asked for ${n(d.needed)} declarations ` +
        `(${n(d.cached)} answers from the cache, ${n(d.answered)} new, ${n(d.not_asked)} not asked). Every answer is checked before use (length, English, no refusal, ` +
        `no line or 8-token run of the body, not only the declaration's names): ${n(d.checks.used ?? 0)} used` +
        (checks.length ? `; the rest stayed signature tasks: ${checks.map(([k, v]) => `${k.replace(/_/g, " ")} ${n(v)}`).join(", ")}.` : "."),
    );
  }
  const x = p.context;
  out.push(
    `Context: of ${n(x.candidates_using_project_types)} candidates whose target uses the project's own types, ${n(x.fixed_by_context)} would have been underspecified without ` +
      `the context the prompt now carries (up to ${n(x.budget_tokens)} tokens: the enclosing class, imports, signatures of what the target uses); ` +
      `${n(x.dropped_underspecified)} stayed underspecified and were dropped. ${n(x.kept_with_context)} pairs carry context, ${n(x.declarations_shown)} declarations in all.`,
  );
  const perFile = Object.entries(p.rows_per_file).sort(([a], [b]) => Number(a) - Number(b));
  if (perFile.length) out.push(`Pairs per source file: ${perFile.map(([k, v]) => `${n(v)} files with ${k}`).join(", ")}.`);
  const rules = Object.entries(p.secrets.by_rule).filter(([, v]) => v > 0);
  out.push(
    `Secrets: ${n(p.secrets.secrets_redacted)} redacted in ${n(p.secrets.pairs_redacted)} pairs${rules.length ? ` (${rules.map(([r, v]) => `${r} ${n(v)}`).join(", ")})` : ""}, ` +
      `${n(p.secrets.pairs_dropped)} pairs dropped for holding too many; licence header comments stripped from ${n(p.licence_headers_stripped)} targets.`,
  );
  return out;
}
