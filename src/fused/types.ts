/**
 * The records of a fused `kmpdata run`: the extract workers, holding a repository's freshly made
 * blocks, also make its pairs and analyse them, so no later step parses, re-reads or re-sends them.
 */
import type { AnalysisSettings } from "../prepare/carried.ts";
import type { AnalyseResult } from "../prepare/types.ts";
import type { RepoMeta } from "../pairs/maker.ts";
import type { PairsConfig } from "../pairs/types.ts";
import type { PairsResult } from "../pairs/worker.ts";

/** What a fused extract task adds: the batch holds exactly one repository's files. */
export interface FusedTask {
  repo: string;
  cfg: PairsConfig;
  meta: RepoMeta | null;
  /** null: prepare does not run in this process (its analyses would go unused). */
  analysis: AnalysisSettings | null;
}

export interface FusedResult {
  pairs: PairsResult;
  /** The analyses of the repository's pairs, by pair id (prepare's CarriedPool finds them there). */
  analysis: { ids: string[]; result: AnalyseResult } | null;
  /** Time the worker spent analysing them. */
  analysisMs: number;
}
