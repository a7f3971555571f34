/**
 * A deterministic, varied Kotlin corpus for bench/extract.ts, generated from nothing but a seed and
 * the embedded sample projects (which are ours): half of the bytes are sample files with their
 * declared names renamed per copy, half are synthetic KMP files built from templates (classes,
 * sealed hierarchies, Compose functions, expect/actual, DI modules, control flow of every kind,
 * the top-level shapes the grammar misreads, and ~1 % files with syntax errors).
 * Files are spread over repos in two halves, under the source sets real projects use.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32 } from "../src/prepare/minhash.ts";


const WORDS = ["Task", "Note", "User", "Order", "Cart", "Feed", "Photo", "Track", "Album", "Event", "Place", "Invoice", "Ticket", "Message", "Device", "Session", "Profile", "Payment", "Story", "Lesson"];
const ROLES = ["Repository", "ViewModel", "UseCase", "Mapper", "Api", "DataSource", "Service", "Screen", "Dao", "Store", "Validator", "Formatter"];
const SOURCE_SETS = ["commonMain", "commonMain", "commonMain", "androidMain", "iosMain", "jvmMain", "jsMain", "wasmJsMain", "commonTest", "desktopMain", "appleMain", "nativeMain"];
const KEYWORDS = new Set(["interface", "class", "object", "fun", "val", "var"]);
const TYPES = ["Int", "Long", "String", "Boolean", "Double", "List<String>", "Map<String, Int>", "Instant?", "ByteArray"];

class Gen {
  constructor(private readonly r: () => number) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  name(): string {
    return `${this.pick(WORDS)}${this.int(0, 999)}`;
  }
  ident(): string {
    const n = this.name();
    return n[0]!.toLowerCase() + n.slice(1);
  }

  statement(depth: number, ind: string): string {
    const v = this.ident();
    switch (this.int(0, depth > 2 ? 4 : 9)) {
      case 0:
        return `${ind}val ${v} = ${this.ident()}.${this.pick(["map", "filter", "firstOrNull", "sortedBy"])} { it.${this.ident()} }`;
      case 1:
        return `${ind}println("${v}: \${${this.ident()}} and \${${this.ident()}.size}")`;
      case 2:
        return `${ind}var ${v}: ${this.pick(TYPES)} = ${this.pick(["0", "\"\"", "null", "emptyList()", "mutableMapOf()"])}`;
      case 3:
        return `${ind}${this.ident()} += ${this.int(1, 100)} * (${this.ident()} - ${this.int(1, 9)})`;
      case 4:
        return `${ind}check(${this.ident()}.isNotEmpty()) { "empty ${v}" }`;
      case 5:
        return `${ind}if (${this.ident()} > ${this.int(0, 50)}) {\n${this.statements(depth + 1, ind + "    ")}\n${ind}} else {\n${this.statements(depth + 1, ind + "    ")}\n${ind}}`;
      case 6:
        return `${ind}when (${this.ident()}) {\n${ind}    is ${this.name()} -> ${this.ident()}()\n${ind}    null -> return\n${ind}    else -> {\n${this.statements(depth + 1, ind + "        ")}\n${ind}    }\n${ind}}`;
      case 7:
        return `${ind}for (${v} in 0 until ${this.ident()}.size) {\n${this.statements(depth + 1, ind + "    ")}\n${ind}}`;
      case 8:
        return `${ind}try {\n${this.statements(depth + 1, ind + "    ")}\n${ind}} catch (e: ${this.pick(["IOException", "IllegalStateException", "CancellationException"])}) {\n${ind}    ${this.ident()}.log(e.message ?: "?")\n${ind}}`;
      default:
        return `${ind}scope.launch {\n${ind}    ${this.ident()}.collect { ${v} ->\n${this.statements(depth + 2, ind + "        ")}\n${ind}    }\n${ind}}`;
    }
  }
  statements(depth: number, ind: string): string {
    return Array.from({ length: this.int(1, 4) }, () => this.statement(depth, ind)).join("\n");
  }
  params(): string {
    return Array.from({ length: this.int(0, 4) }, () => `${this.ident()}: ${this.pick(TYPES)}${this.chance(0.2) ? " = " + this.pick(["0", "\"\"", "null"]) : ""}`).join(", ");
  }

  fun(ind: string): string {
    const mods = this.pick(["", "", "suspend ", "private ", "override ", "internal inline "]);
    const doc = this.chance(0.3) ? `${ind}/** Does ${this.ident()} for the ${this.ident()}. */\n` : "";
    const recv = this.chance(0.15) ? `${this.pick(WORDS)}.` : "";
    const head = `${doc}${ind}${mods}fun ${recv}${this.ident()}(${this.params()})`;
    switch (this.int(0, 5)) {
      case 0:
        return `${head}: ${this.pick(TYPES)} = ${this.pick(["TODO()", `${this.ident()}.${this.ident()}()`, `${this.ident()} ?: error("missing")`])}`;
      case 1:
        return `${head} {\n${ind}    TODO("not yet")\n${ind}}`;
      default:
        return `${head} {\n${this.statements(0, ind + "    ")}\n${ind}}`;
    }
  }

  member(ind: string): string {
    switch (this.int(0, 7)) {
      case 0:
        return `${ind}val ${this.ident()}: ${this.pick(TYPES)}\n${ind}    get() = ${this.ident()}.${this.ident()}`;
      case 1:
        return `${ind}private val ${this.ident()} by lazy { ${this.name()}() }`;
      case 2:
        return `${ind}private val _${this.ident()} = MutableStateFlow(${this.pick(["0", "emptyList()", "false"])})`;
      case 3:
        return `${ind}companion object {\n${ind}    const val TAG = "${this.name()}"\n${this.fun(ind + "    ")}\n${ind}}`;
      default:
        return this.fun(ind);
    }
  }

  classLike(): string {
    const name = `${this.pick(WORDS)}${this.pick(ROLES)}${this.int(0, 999)}`;
    const members = () => Array.from({ length: this.int(1, 7) }, () => this.member("    ")).join("\n\n");
    switch (this.int(0, 9)) {
      case 0:
        return `data class ${name}(${Array.from({ length: this.int(1, 6) }, () => `val ${this.ident()}: ${this.pick(TYPES)}`).join(", ")})`;
      case 1:
        return `sealed interface ${name} {\n    data object Loading : ${name}\n    data class Ready(val items: List<${this.pick(WORDS)}>) : ${name}\n    data class Failed(val message: String) : ${name}\n}`;
      case 2:
        return `interface ${name} {\n${Array.from({ length: this.int(1, 5) }, () => `    suspend fun ${this.ident()}(${this.params()}): ${this.pick(TYPES)}`).join("\n")}\n}`;
      case 3:
        return `enum class ${name}(val code: Int) {\n    ${Array.from({ length: this.int(2, 6) }, (_, i) => `${this.pick(WORDS).toUpperCase()}${i}(${i})`).join(",\n    ")};\n\n${this.fun("    ")}\n}`;
      case 4:
        return `@Composable\nfun ${name}(state: ${this.pick(WORDS)}State, modifier: Modifier = Modifier, onClick: () -> Unit = {}) {\n    Column(modifier = modifier.padding(${this.int(4, 16)}.dp)) {\n        Text(text = state.${this.ident()}, style = MaterialTheme.typography.titleMedium)\n        if (state.${this.ident()}) {\n            Button(onClick = onClick) { Text("${this.ident()}") }\n        }\n        LazyColumn {\n            items(state.items) { item -> Row { Text(item.${this.ident()}) } }\n        }\n    }\n}`;
      case 5:
        return `@Suppress("unused")\nactual class ${name} actual constructor(private val ${this.ident()}: ${this.pick(TYPES)}) {\n${members()}\n}`;
      case 6:
        return `val ${this.ident()}Module = module {\n    single { ${this.name()}(get()) }\n    factory { ${this.name()}(get(), get()) }\n    viewModel { ${this.name()}ViewModel(get()) }\n}`;
      case 7:
        return `object ${name} {\n${members()}\n}`;
      default:
        return `${this.chance(0.3) ? "/** The ${name}. */\n" : ""}class ${name}(\n    private val ${this.ident()}: ${this.pick(WORDS)}${this.pick(ROLES)},\n    private val scope: CoroutineScope,\n) : ${this.pick(["ViewModel()", "BaseRepository<Int>()", "Closeable", "AutoCloseable"])} {\n${members()}\n}`;
    }
  }

  file(targetChars: number, pkg: string): string {
    const parts = [`package ${pkg}`, "", ...Array.from({ length: this.int(2, 8) }, () => `import ${this.pick(["kotlinx.coroutines", "androidx.compose.runtime", "org.koin.dsl", "kotlinx.serialization"])}.${this.name()}`), ""];
    let size = parts.join("\n").length;
    while (size < targetChars) {
      const decl = this.chance(0.7) ? this.classLike() : this.fun("");
      parts.push(decl, "");
      size += decl.length + 2;
    }
    if (this.chance(0.01)) parts.push("fun broken(x: Int {\n    val = \n}\n");
    return parts.join("\n");
  }
}

function walkKotlin(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walkKotlin(join(dir, e.name)) : e.name.endsWith(".kt") ? [join(dir, e.name)] : []))
    .sort();
}

export interface BenchCorpus {
  dir: string;
  halves: [string, string];
  bytes: number;
  files: string[];
}

/** Builds (once, cached by size and seed) the corpus; returns its two halves and every file. */
export function ensureExtractCorpus(cacheDir: string, sampleDir: string, targetBytes: number, seed = 42): BenchCorpus {
  const dir = join(cacheDir, `extract-corpus-${Math.round(targetBytes / 1e6)}mb-s${seed}`);
  const halves: [string, string] = [join(dir, "half0"), join(dir, "half1")];
  const marker = join(dir, "_COMPLETE");
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    const g = new Gen(mulberry32(seed));
    const seeds = walkKotlin(sampleDir).map((f) => readFileSync(f, "utf8"));
    let bytes = 0;
    for (let n = 0; bytes < targetBytes; n++) {
      let text: string;
      if (n % 2 === 0 && seeds.length > 0) {
        // A renamed copy of a sample file: same shapes, distinct code.
        const copy = Math.floor(n / 2 / seeds.length);
        text = seeds[(n / 2) % seeds.length]!.replace(/\b(class|fun|val|var|object|interface) ([A-Za-z_]\w*)/g, (m, kw, name) =>
          KEYWORDS.has(name) ? m : `${kw} ${name}C${copy}`,
        );
      } else {
        text = g.file(g.pick([1500, 4000, 8000, 16000, 40000]), `com.bench.p${n % 97}`);
      }
      const half = halves[n % 2]!;
      const out = join(half, `repo${n % 8}`, n % 5 === 0 ? "core" : "shared", "src", g.pick(SOURCE_SETS), "kotlin", `p${n % 97}`, `F${n}.kt`);
      mkdirSync(join(out, ".."), { recursive: true });
      writeFileSync(out, text);
      bytes += Buffer.byteLength(text);
    }
    writeFileSync(marker, String(bytes));
  }
  const files = [...walkKotlin(halves[0]), ...walkKotlin(halves[1])];
  return { dir, halves, bytes: Number(readFileSync(marker, "utf8")), files };
}
