import type { Node } from "web-tree-sitter";

/**
 * Children without the nulls web-tree-sitter's types allow for, cached per node id: every access to
 * `namedChildren` marshals the nodes out of wasm again, and the walk asks for the same ones often.
 * `resetChildCache()` before each file (ids are only unique among live trees).
 */
const namedCache = new Map<number, Node[]>();
const allCache = new Map<number, Node[]>();

export function resetChildCache(): void {
  namedCache.clear();
  allCache.clear();
}

export function named(n: Node): Node[] {
  let kids = namedCache.get(n.id);
  if (!kids) {
    kids = n.namedChildren as Node[]; // never null for a live node; the type allows it
    namedCache.set(n.id, kids);
  }
  return kids;
}

export function allKids(n: Node): Node[] {
  let kids = allCache.get(n.id);
  if (!kids) {
    kids = n.children as Node[];
    allCache.set(n.id, kids);
  }
  return kids;
}
