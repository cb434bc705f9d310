import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";

type Path = readonly PropertyKey[];

function startOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/**
 * The 1-based line of the node at `path` in a parsed YAML document (the key's line when the path
 * ends at a key whose value is missing or empty; the nearest parent's line when the path does
 * not exist). Line numbers come from the AST, never a text search.
 */
export function lineOf(doc: Document, lineCounter: LineCounter, path: Path, preferKey = false): number {
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = startOf(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const keyStart = isScalar(pair.key) ? startOf(pair.key) : undefined;
      const valueStart = startOf(pair.value as Node | null);
      offset = (last && preferKey ? keyStart : (valueStart ?? keyStart)) ?? offset;
      node = pair.value as Node | null;
      continue;
    }
    if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = startOf(item) ?? offset;
      node = item;
      continue;
    }
    break;
  }
  return lineCounter.linePos(offset).line;
}
