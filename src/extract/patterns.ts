/**
 * Architecture patterns from a block's name, supertypes, annotations and calls. The first match in
 * RULES order is the primary pattern; all matches are kept. Runs on every block, so each rule is
 * one precompiled suffix regex over the name (and supertypes) rather than a loop of string tests.
 */
import type { Block } from "../types.ts";

type Rule = { pattern: string; test: (b: Block) => boolean };

const suffix = (...words: string[]) => new RegExp(`(?:${words.join("|")})$`);
const VIEW_MODEL = suffix("ViewModel", "ScreenModel");
const SCREEN = suffix("Screen", "Page", "Route");
const USE_CASE = suffix("UseCase", "Interactor");
const REPOSITORY = suffix("Repository", "RepositoryImpl", "Repo");
const DATA_SOURCE = suffix("DataSource", "DataSourceImpl", "Api", "ApiImpl", "Service", "ServiceImpl", "Client");
const DATABASE = suffix("Dao", "DAO", "Database", "Queries", "Db");
const DB_SUPER = suffix("RoomDatabase", "Transacter");
const MAPPER = /Mapper$/;
const STATE_TYPE = /UiState|State$/;
const DI_CALLS = new Set(["single", "factory", "viewModel", "singleOf", "factoryOf", "bind", "provider"]);

const anySuper = (b: Block, re: RegExp) => b.supertypes.length > 0 && b.supertypes.some((t) => re.test(t));

const RULES: Rule[] = [
  { pattern: "ViewModel", test: (b) => VIEW_MODEL.test(b.name) || anySuper(b, VIEW_MODEL) },
  { pattern: "Screen", test: (b) => b.is_composable && (SCREEN.test(b.name) || b.params.some((p) => STATE_TYPE.test(p.type))) },
  { pattern: "Component", test: (b) => b.is_composable || b.name.endsWith("Component") },
  { pattern: "UseCase", test: (b) => USE_CASE.test(b.name) || anySuper(b, USE_CASE) },
  { pattern: "Repository", test: (b) => REPOSITORY.test(b.name) || anySuper(b, REPOSITORY) },
  { pattern: "DataSource", test: (b) => DATA_SOURCE.test(b.name) },
  { pattern: "Database", test: (b) => DATABASE.test(b.name) || b.annotations.includes("Dao") || anySuper(b, DB_SUPER) },
  { pattern: "Mapper", test: (b) => MAPPER.test(b.name) || (b.receiver !== null && /^(to|map)[A-Z]/.test(b.name)) },
  {
    pattern: "DIModule",
    test: (b) =>
      ((b.kind === "property" || b.kind === "function") && b.calls.includes("module") && b.calls.some((c) => DI_CALLS.has(c))) ||
      b.annotations.includes("Module"),
  },
];

export function detectPatterns(b: Block): string[] {
  if (b.kind === "file" || b.kind === "gradle") return [];
  const out: string[] = [];
  for (const r of RULES) if (r.test(b)) out.push(r.pattern);
  return out;
}
