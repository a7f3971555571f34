import type { Node } from "web-tree-sitter";

/** Named children without the nulls web-tree-sitter's types allow for. */
export function named(n: Node): Node[] {
  return n.namedChildren.filter((c): c is Node => c !== null);
}

export function allKids(n: Node): Node[] {
  return n.children.filter((c): c is Node => c !== null);
}
