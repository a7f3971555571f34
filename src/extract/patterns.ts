/**
 * Architecture patterns from a block's name, supertypes, annotations and calls. The first match in
 * RULES order is the primary pattern; all matches are kept.
 */
import type { Block } from "../types.ts";

type Rule = { pattern: string; test: (b: Block) => boolean };

const nameEnds = (b: Block, ...suffixes: string[]) => suffixes.some((s) => b.name.endsWith(s));
const superHas = (b: Block, ...names: string[]) => b.supertypes.some((t) => names.some((n) => t === n || t.endsWith(`.${n}`) || t.endsWith(n)));
const calls = (b: Block, ...names: string[]) => names.some((n) => b.calls.includes(n));

const RULES: Rule[] = [
  { pattern: "ViewModel", test: (b) => nameEnds(b, "ViewModel") || superHas(b, "ViewModel", "ScreenModel") },
  { pattern: "Screen", test: (b) => b.is_composable && (nameEnds(b, "Screen", "Page", "Route") || b.params.some((p) => /UiState|State$/.test(p.type))) },
  { pattern: "Component", test: (b) => b.is_composable || nameEnds(b, "Component") },
  { pattern: "UseCase", test: (b) => nameEnds(b, "UseCase", "Interactor") || superHas(b, "UseCase") },
  { pattern: "Repository", test: (b) => nameEnds(b, "Repository", "RepositoryImpl", "Repo") || superHas(b, "Repository") },
  { pattern: "DataSource", test: (b) => nameEnds(b, "DataSource", "DataSourceImpl", "Api", "ApiImpl", "Service", "ServiceImpl", "Client") },
  { pattern: "Database", test: (b) => nameEnds(b, "Dao", "DAO", "Database", "Queries", "Db") || b.annotations.includes("Dao") || superHas(b, "RoomDatabase", "Transacter") },
  { pattern: "Mapper", test: (b) => nameEnds(b, "Mapper") || /^(to|map)[A-Z]/.test(b.name) && b.receiver !== null },
  { pattern: "DIModule", test: (b) => (b.kind === "property" || b.kind === "function") && calls(b, "module") && calls(b, "single", "factory", "viewModel", "singleOf", "factoryOf", "bind", "provider") || b.annotations.includes("Module") || b.annotations.includes("Component") },
];

export function detectPatterns(b: Block): string[] {
  if (b.kind === "file" || b.kind === "gradle") return [];
  return RULES.filter((r) => r.test(b)).map((r) => r.pattern);
}
