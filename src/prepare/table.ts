/**
 * The only per-pair state prepare keeps in memory: compact columns (typed arrays and interned
 * strings), never the texts. The texts stay on disk; `src`/`offset`/`length` locate each row's
 * line so the writer can read it back. Signatures are kept in the batch-sized chunks the workers
 * returned (one Uint32Array each), so memory is n × permutations × 4 bytes with no copying.
 */
import type { PairType } from "../types.ts";

/** Maps strings to small integers, so a column holds an Int32 instead of a string per row. */
export class Interner {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(value, i);
      this.values.push(value);
    }
    return i;
  }
}

export class SignatureStore {
  constructor(
    readonly chunks: Uint32Array[],
    readonly chunkRows: number,
    readonly permutations: number,
  ) {}

  /** The chunk holding row i and the offset of its first value. */
  locate(i: number): [Uint32Array, number] {
    const c = Math.floor(i / this.chunkRows);
    return [this.chunks[c]!, (i - c * this.chunkRows) * this.permutations];
  }

  /** Share of equal positions: the MinHash estimate of Jaccard similarity. */
  similarity(i: number, j: number): number {
    const [a, oa] = this.locate(i);
    const [b, ob] = this.locate(j);
    const k = this.permutations;
    let same = 0;
    for (let p = 0; p < k; p++) if (a[oa + p] === b[ob + p]) same++;
    return same / k;
  }

  /** A 32-bit hash of rows [band·rows, (band+1)·rows) of row i's signature. */
  bandHash(i: number, band: number, rows: number): number {
    const [a, o] = this.locate(i);
    let h = 0x811c9dc5 ^ band;
    for (let p = band * rows, end = p + rows; p < end; p++) {
      h = Math.imul(h ^ a[o + p]!, 0x01000193);
      h ^= h >>> 15;
    }
    return h >>> 0;
  }
}

export interface PairTable {
  n: number;
  ids: string[];
  type: Uint8Array; // index into PAIR_TYPES
  repo: Int32Array; // strings.values
  file: Int32Array; // "repo\u0000path"
  path: Int32Array;
  sourceSet: Int32Array;
  platform: Int32Array;
  license: Int32Array; // -1 = none
  src: Uint8Array; // index into the input file list
  offset: Float64Array; // byte offset of the line
  length: Uint32Array; // byte length of the line
  exactKey: Float64Array;
  structKey: Float64Array;
  sigs: SignatureStore;
  inputTokens: Uint32Array;
  targetTokens: Uint32Array;
  flags: Uint8Array;
  dims: Float32Array; // n × QUALITY_DIMENSIONS.length
  score: Float64Array;
  strings: Interner;
  types: readonly PairType[];
}
