/**
 * Blocks → JSONL lines without escaping the same source text over and over. A file's blocks nest
 * (a method's code is inside its class's, every block's inside the file block's), so escaping each
 * block's `code` on its own escaped most of the file several times: it was the largest part of the
 * worker's time after the parse itself. JSON escaping is per character, so the escaped text of a
 * slice of the file is the same slice of the escaped file: the file is escaped once, and each
 * block's `code` is cut from it at offsets mapped through the positions of escaped characters.
 */
import type { JsonlBytes } from "../io.ts";
import type { Block } from "../types.ts";

/** A source file escaped once as a JSON string, with the map from source offsets to escaped ones. */
export class EscapedSource {
  private constructor(
    readonly source: string,
    /** JSON.stringify(source): the opening quote, the escaped text, the closing quote. */
    private readonly json: string,
    /** Source offsets of characters JSON escapes, ascending, and the extra characters up to each. */
    private readonly at: number[],
    private readonly extraUpTo: number[],
  ) {}

  /**
   * The escaper for a file, or null when the file holds surrogate code units (JSON.stringify
   * escapes a lone one, and a slice could split a pair) or, defensively, when the map does not
   * account for JSON.stringify's output: such files take the plain path.
   */
  static of(source: string): EscapedSource | null {
    const at: number[] = [];
    const extraUpTo: number[] = [];
    let extra = 0;
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c) {
        if (c >= 0xd800 && c <= 0xdfff) return null;
        continue;
      }
      // \" \\ \b \t \n \f \r take 2 characters, other control characters 6 (\u00XX).
      extra += c === 0x22 || c === 0x5c || c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 1 : 5;
      at.push(i);
      extraUpTo.push(extra);
    }
    const json = JSON.stringify(source);
    return json.length === source.length + 2 + extra ? new EscapedSource(source, json, at, extraUpTo) : null;
  }

  /** Offset in the escaped text (without the opening quote) of source offset `x`. */
  private map(x: number): number {
    let lo = 0;
    let hi = this.at.length; // first escaped position >= x
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return x + (lo > 0 ? this.extraUpTo[lo - 1]! : 0);
  }

  /** The escaped text of `source.slice(start, end)`, without quotes, cut from the escaped file. */
  escaped(start: number, end: number): string {
    return this.json.slice(1 + this.map(start), 1 + this.map(end));
  }
}

/** What a file's blocks share, serialised once: its escaped text and its imports. */
export class FileJson {
  readonly importsJson: string;

  constructor(
    readonly esc: EscapedSource | null,
    readonly imports: string[],
  ) {
    this.importsJson = JSON.stringify(imports);
  }
}

/**
 * Appends one block as a JSON line. `start` is where its `code` begins in the file; when the code
 * is not found there (or the file has no escaper) the block is serialised plainly. The shared
 * fields (`imports`, then `code`) are written last, cut from what the file serialised once; every
 * other field is serialised by JSON.stringify as it is.
 */
export function writeBlock(out: JsonlBytes, b: Block, file: FileJson | null, start: number | undefined): void {
  const code = b.code;
  const esc = file?.esc ?? null;
  if (esc === null || start === undefined || !esc.source.startsWith(code, start)) {
    out.write(JSON.stringify(b) + "\n");
    return;
  }
  const imports = b.imports;
  const shared = imports === file!.imports;
  const loose = b as { code?: string; imports?: string[] };
  loose.code = undefined; // JSON.stringify leaves undefined fields out
  if (shared) loose.imports = undefined;
  const rest = JSON.stringify(b);
  b.code = code;
  b.imports = imports;
  out.write(rest.slice(0, -1));
  if (shared) {
    out.write(',"imports":');
    out.write(file!.importsJson);
  }
  out.write(',"code":"');
  out.write(esc.escaped(start, start + code.length));
  out.write('"}\n');
}
