/**
 * The blocks of one repository and the indexes the cross-block generators need. The stage builds
 * one at a time (all_blocks.jsonl is sorted by repo), so memory follows the largest repository.
 */
import type { Block, BlockKind } from "../types.ts";
import { dedentDeclaration } from "./text.ts";

const CLASS_LIKE: ReadonlySet<BlockKind> = new Set(["class", "object", "interface"]);

export function isClassLike(kind: BlockKind): boolean {
  return CLASS_LIKE.has(kind);
}

export class RepoBlocks {
  readonly repo: string;
  readonly blocks: Block[];
  /** Declarations (not file/gradle blocks) per path, in source order. */
  readonly declarationsByPath = new Map<string, Block[]>();
  readonly fileByPath = new Map<string, Block>();
  /** Interfaces by qualified name. */
  readonly interfaces = new Map<string, Block>();
  /** Interfaces by simple name (several packages may reuse one). */
  readonly interfacesByName = new Map<string, Block[]>();
  /** Simple names of the repository's own @Composable functions. */
  readonly composableNames = new Set<string>();
  /** Qualified names of every declaration in the repository. */
  readonly qualifiedNames = new Set<string>();
  /** Qualified names of classes, objects and interfaces (to tell nested ones — a companion included — from top-level ones). */
  readonly classNames = new Set<string>();

  constructor(repo: string, blocks: Block[]) {
    this.repo = repo;
    this.blocks = blocks;
    for (const b of blocks) {
      if (b.kind === "file") {
        this.fileByPath.set(b.path, b);
        continue;
      }
      if (b.kind === "gradle") continue;
      const list = this.declarationsByPath.get(b.path);
      if (list) list.push(b);
      else this.declarationsByPath.set(b.path, [b]);
      this.qualifiedNames.add(b.qualified_name);
      if (b.is_composable) this.composableNames.add(b.name);
      if (b.kind === "class" || b.kind === "object" || b.kind === "interface") this.classNames.add(b.qualified_name);
      if (b.kind === "interface") {
        this.interfaces.set(b.qualified_name, b);
        const same = this.interfacesByName.get(b.name);
        if (same) same.push(b);
        else this.interfacesByName.set(b.name, [b]);
      }
    }
  }

  /** Per file, the offset where each line starts (made when first needed). */
  private readonly lineStarts = new Map<string, number[]>();

  private startsOf(file: Block): number[] {
    let starts = this.lineStarts.get(file.path);
    if (!starts) {
      starts = [0];
      for (let i = file.code.indexOf("\n"); i >= 0; i = file.code.indexOf("\n", i + 1)) starts.push(i + 1);
      this.lineStarts.set(file.path, starts);
    }
    return starts;
  }

  /** Whether a declaration's code starts its file's line `start_line` (so its lines can be taken from the file's). */
  startsItsLine(b: Block): boolean {
    const file = this.fileByPath.get(b.path);
    if (!file || b.start_line < 1) return false;
    const starts = this.startsOf(file);
    const at = starts[b.start_line - 1];
    if (at === undefined) return false;
    const end = starts[b.start_line] ?? file.code.length + 1;
    const line = file.code.slice(at, end - 1).trim();
    const first = b.code.slice(0, b.code.indexOf("\n") < 0 ? b.code.length : b.code.indexOf("\n")).trim();
    return line === first;
  }

  /** The column a declaration starts at in its file (its first line's indentation), or null when its file is not known. */
  indentOf(b: Block): number | null {
    const file = this.fileByPath.get(b.path);
    if (!file || b.start_line < 1) return null;
    const starts = this.startsOf(file);
    const at = starts[b.start_line - 1];
    if (at === undefined) return null;
    let n = 0;
    while (file.code[at + n] === " " || file.code[at + n] === "\t") n++;
    return n;
  }

  /** A declaration's text (its code, or a part of it such as a skeleton or signature) shifted left by the column it starts at. */
  dedent(b: Block, text: string = b.code): string {
    return dedentDeclaration(text, this.indentOf(b));
  }

  /** A declaration outside any other declaration of the repository. */
  isTopLevel(b: Block): boolean {
    return b.parent === null || b.parent === "" || b.parent === b.package;
  }

  /** Top-level declarations of a file. */
  topLevel(path: string): Block[] {
    return (this.declarationsByPath.get(path) ?? []).filter((b) => this.isTopLevel(b));
  }
}
