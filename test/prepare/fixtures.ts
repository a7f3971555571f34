/**
 * Synthetic pairs for the prepare tests and bench: hand-written KMP snippets, renamed copies of
 * them, and a generator of random but plausible Kotlin functions (random library calls and types,
 * so two generated functions share few shingles, as distinct real code does).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stableHash } from "../../src/io.ts";
import { Logger } from "../../src/log.ts";
import { defaultPipelineOptions, type PrepareOptions } from "../../src/options.ts";
import type { StageContext } from "../../src/stage.ts";
import type { Pair, PairType } from "../../src/types.ts";

export const REPOSITORY_KT = `
/** Loads users, from the cache first, then the network. */
class UserRepository(private val api: UserApi, private val cache: UserCache) {
    private val state = MutableStateFlow<List<User>>(emptyList())

    fun observe(): Flow<List<User>> = state

    suspend fun refresh(force: Boolean) {
        val cached = cache.load()
        if (!force && cached != null) {
            state.value = cached
            return
        }
        val fresh = withContext(Dispatchers.Default) { api.fetchUsers() }
        cache.save(fresh)
        state.value = fresh.filter { it.active }.sortedBy { it.name }
    }
}
`;

/** REPOSITORY_KT with every declared name changed and a comment added: a structural copy. */
export const REPOSITORY_RENAMED_KT = `
// a comment the exact and structural keys ignore
/** Loads users, from the cache first, then the network. */
class AccountStore(private val remote: UserApi, private val local: UserCache) {
    private val flowState = MutableStateFlow<List<User>>(emptyList())

    fun watch(): Flow<List<User>> = flowState

    suspend fun reload(forced: Boolean) {
        val fromDisk = local.load()
        if (!forced && fromDisk != null) {
            flowState.value = fromDisk
            return
        }
        val loaded = withContext(Dispatchers.Default) { remote.fetchUsers() }
        local.save(loaded)
        flowState.value = loaded.filter { it.active }.sortedBy { it.name }
    }
}
`;

/** Renamed and edited (one statement added, one changed): only MinHash can find it. */
export const REPOSITORY_EDITED_KT = `
/** Loads users, from the cache first, then the network. */
class AccountStore(private val remote: UserApi, private val local: UserCache) {
    private val flowState = MutableStateFlow<List<User>>(emptyList())

    fun watch(): Flow<List<User>> = flowState

    suspend fun reload(forced: Boolean) {
        val fromDisk = local.load()
        if (!forced && fromDisk != null) {
            flowState.value = fromDisk
            return
        }
        val loaded = withContext(Dispatchers.IO) { remote.fetchUsers() }
        local.save(loaded)
        log.d("reloaded")
        flowState.value = loaded.filter { it.active }.sortedBy { it.name }
    }
}
`;

export const DISTINCT_KT: string[] = [
  `actual fun platformName(): String {\n    val device = UIDevice.currentDevice\n    return device.systemName() + " " + device.systemVersion\n}\n`,
  `sealed interface LoadState<out T> {\n    data object Loading : LoadState<Nothing>\n    data class Ready<T>(val value: T) : LoadState<T>\n    data class Failed(val error: Throwable) : LoadState<Nothing>\n}\n`,
  `@Composable\nfun CounterScreen(model: CounterModel) {\n    val count by model.count.collectAsState()\n    Column(modifier = Modifier.padding(16.dp)) {\n        Text("Count: $count")\n        Button(onClick = { model.increment() }) { Text("Add") }\n    }\n}\n`,
  `fun createHttpClient(engine: HttpClientEngine): HttpClient = HttpClient(engine) {\n    install(ContentNegotiation) { json(Json { ignoreUnknownKeys = true }) }\n    install(Logging) { level = LogLevel.INFO }\n    expectSuccess = true\n}\n`,
  `class NoteQueries(private val db: NoteDatabase) {\n    fun insert(title: String, body: String) {\n        db.noteQueries.insert(title, body, Clock.System.now().toEpochMilliseconds())\n    }\n    fun all(): List<Note> = db.noteQueries.selectAll().executeAsList()\n}\n`,
  `fun parseDuration(text: String): Long? {\n    var total = 0L\n    for (part in text.split(' ')) {\n        val unit = part.lastOrNull() ?: return null\n        val amount = part.dropLast(1).toLongOrNull() ?: return null\n        total += when (unit) {\n            'h' -> amount * 3600\n            'm' -> amount * 60\n            's' -> amount\n            else -> return null\n        }\n    }\n    return total\n}\n`,
  `plugins {\n    kotlin("multiplatform")\n    id("com.android.library")\n}\n\nkotlin {\n    androidTarget()\n    iosArm64()\n    iosSimulatorArm64()\n    sourceSets {\n        commonMain.dependencies {\n            implementation("io.ktor:ktor-client-core:3.0.0")\n        }\n    }\n}\n`,
  `object Settings {\n    private val store = com.russhwolf.settings.Settings()\n    var darkMode: Boolean\n        get() = store.getBoolean("dark", false)\n        set(value) = store.putBoolean("dark", value)\n}\n`,
];

export const PATHS: Record<PairType, string> = {
  expect_actual: "shared/src/iosMain/kotlin/Platform.ios.kt",
  interface_implementation: "shared/src/commonMain/kotlin/data/Repo.kt",
  description_to_code: "shared/src/commonMain/kotlin/Util.kt",
  skeleton_to_complete: "shared/src/commonMain/kotlin/Model.kt",
  composable: "composeApp/src/commonMain/kotlin/ui/Screen.kt",
  full_file: "shared/src/commonMain/kotlin/File.kt",
  gradle: "shared/build.gradle.kts",
};

/** A pair whose id and default input derive from its content, so fixtures built twice are identical. */
export function pair(target: string, over: Partial<Pair> = {}): Pair {
  const type = over.pair_type ?? "description_to_code";
  const repo = over.repo ?? "owner/repo";
  const path = over.path ?? PATHS[type];
  const id = over.id ?? stableHash(type, repo, path, target, over.input_text ?? "");
  return {
    id,
    pair_type: type,
    input_text: over.input_text ?? `Write ${path} of ${repo} (${type}, ${id.slice(0, 6)}).`,
    target_text: target,
    repo,
    path,
    source_set: over.source_set ?? "commonMain",
    platform: over.platform ?? "common",
    license: over.license === undefined ? "MIT" : over.license,
    commit: null,
    is_test: false,
    meta: {},
  };
}

/** Writes pairs into <dataDir>/training_pairs/{train,val,test}.jsonl (all into train unless `spread`). */
export function writePairs(dataDir: string, pairs: Pair[], spread = false): void {
  const dir = join(dataDir, "training_pairs");
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string[]> = { train: [], val: [], test: [] };
  const names = ["train", "val", "test"] as const;
  pairs.forEach((p, i) => files[spread ? names[i % 3]! : "train"]!.push(JSON.stringify(p)));
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, `${name}.jsonl`), lines.map((l) => l + "\n").join(""));
}

export function context(dataDir: string, seed = 42, threads = 1, commandLine = "kmpdata prepare"): StageContext {
  return {
    global: { dataDir, threads, seed, force: true, logFormat: "text", quiet: true, verbose: false },
    progress: { mode: "off" },
    signal: new AbortController().signal,
    commandLine,
    log: new Logger({ level: "silent", format: "text" }),
  };
}

export function options(over: Partial<PrepareOptions> = {}): PrepareOptions {
  return { ...defaultPipelineOptions().prepare, ...over };
}

// ---- random Kotlin ------------------------------------------------------------------------

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = "user order cart item price token session cache query filter page result event state config device note photo song track".split(" ");
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** A random function: referenced APIs and types are random too, so distinct functions rarely look alike. */
export function randomFunction(r: () => number): string {
  const api = () => `${pick(r, WORDS)}Api${Math.floor(r() * 5000)}`;
  const call = () => `${pick(r, ["load", "save", "find", "map", "send", "merge", "sort", "parse"])}${cap(pick(r, WORDS))}${Math.floor(r() * 300)}`;
  const type = () => `${cap(pick(r, WORDS))}${pick(r, ["Dto", "Entity", "Model", "State", "Event"])}${Math.floor(r() * 400)}`;
  const name = `${pick(r, ["load", "build", "update", "compute", "sync"])}${cap(pick(r, WORDS))}${Math.floor(r() * 1e6)}`;
  const params = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, k) => `p${k}: ${type()}`);
  const lines: string[] = [];
  const statements = 3 + Math.floor(r() * 10);
  for (let s = 0; s < statements; s++) {
    const v = `v${s}`;
    switch (Math.floor(r() * 6)) {
      case 0:
        lines.push(`val ${v} = ${api()}.${call()}(p0)`);
        break;
      case 1:
        lines.push(`if (${api()}.${call()}()) {\n        ${api()}.${call()}("${pick(r, WORDS)} ${Math.floor(r() * 1e4)}")\n    }`);
        break;
      case 2:
        lines.push(`for (x in ${api()}.${call()}()) {\n        ${api()}.${call()}(x, ${Math.floor(r() * 100)})\n    }`);
        break;
      case 3:
        lines.push(`val ${v} = when (${api()}.${call()}()) {\n        ${Math.floor(r() * 9)} -> ${api()}.${call()}()\n        else -> ${api()}.${call()}()\n    }`);
        break;
      case 4:
        lines.push(`${api()}.${call()}(p0)?.let { ${api()}.${call()}(it) }`);
        break;
      default:
        lines.push(`val ${v}: ${type()} = ${type()}(${api()}.${call()}(), "${pick(r, WORDS)}")`);
    }
  }
  return `suspend fun ${name}(${params.join(", ")}): ${type()} {\n    ${lines.join("\n    ")}\n    return ${type()}()\n}\n`;
}
