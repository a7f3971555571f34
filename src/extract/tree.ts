import type { Node, Tree } from "web-tree-sitter";

/**
 * Children without the nulls web-tree-sitter's types allow for, cached per node id: every access to
 * `namedChildren` on a fresh Node object marshals the nodes out of wasm again, and the walk asks for
 * the same ones often. A node id is an address, unique only among live trees: a tree parsed after
 * another was deleted (the repairs re-parse spans) can reuse it, and a stale hit hands out nodes of
 * a freed tree (out-of-bounds reads in wasm). So each entry remembers its tree object and a hit
 * must match it. `resetChildCache()` before each file keeps the maps small.
 */
interface Entry {
  tree: Tree;
  kids: Node[];
}
const namedCache = new Map<number, Entry>();
const allCache = new Map<number, Entry>();

export function resetChildCache(): void {
  namedCache.clear();
  allCache.clear();
}

export function named(n: Node): Node[] {
  const hit = namedCache.get(n.id);
  if (hit && hit.tree === n.tree) return hit.kids;
  const kids = n.namedChildren as Node[]; // never null for a live node; the type allows it
  namedCache.set(n.id, { tree: n.tree, kids });
  return kids;
}

export function allKids(n: Node): Node[] {
  const hit = allCache.get(n.id);
  if (hit && hit.tree === n.tree) return hit.kids;
  const kids = n.children as Node[];
  allCache.set(n.id, { tree: n.tree, kids });
  return kids;
}

/**
 * A node's type, remembered on the node object: web-tree-sitter asks the wasm side on every access
 * of `.type` (the walk asked ~2 million times per 20 MB), and a node's type never changes. Node
 * objects are reused through named()/allKids(), so most lookups hit the remembered value.
 */
export function typeOf(n: Node): string {
  const cached = (n as { _kmpType?: string })._kmpType;
  if (cached !== undefined) return cached;
  const t = n.type;
  (n as { _kmpType?: string })._kmpType = t;
  return t;
}
