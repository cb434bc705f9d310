import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type YAMLMap,
} from "yaml";
import type { Environment, Problem } from "../../types";

/** Rails environment names (and their common short forms) to Parity roles. */
export function railsEnvironment(name: string): Environment | null {
  const map: Record<string, Environment> = {
    development: "dev",
    dev: "dev",
    local: "dev",
    test: "test",
    staging: "staging",
    production: "prod",
    prod: "prod",
  };
  return map[name.toLowerCase()] ?? null;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  lineOf(node: Node | null | undefined): number;
}

export function parseYaml(text: string, problems: Problem[]): ParsedYaml | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, merge: true, uniqueKeys: false, prettyErrors: false });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const error = doc.errors[0];
  if (error) {
    problems.push({
      type: "parse-error",
      line: lineCounter.linePos(error.pos[0]).line,
      message: error.message.split("\n")[0] ?? "invalid YAML",
    });
    return null;
  }
  return { doc, lineOf };
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.source === "<<" || key.value === "<<" || typeof key.value === "symbol");
}

/**
 * The keys of a mapping with `<<: *anchor` merges applied (own keys win, then the first merged
 * source), each with the node where the value is actually written: an inherited `adapter:` points
 * at the line of the anchored block, which is where a reader must change it.
 */
export function resolvedEntries(map: YAMLMap, doc: Document.Parsed, depth = 0): Map<string, Node> {
  const result = new Map<string, Node>();
  if (depth > 10) return result;
  const merged: Map<string, Node>[] = [];
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const target = isAlias(source) ? source.resolve(doc) : source;
        if (isMap(target)) merged.push(resolvedEntries(target, doc, depth + 1));
      }
      continue;
    }
    if (isScalar(pair.key) && pair.value && typeof pair.value === "object") {
      result.set(String(pair.key.value), pair.value as Node);
    }
  }
  for (const source of merged) {
    for (const [key, node] of source) if (!result.has(key)) result.set(key, node);
  }
  return result;
}

/** A scalar's string value (aliases followed), or null. */
export function scalarText(node: Node | undefined, doc: Document.Parsed): string | null {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (!isScalar(target) || target.value === null || target.value === undefined) return null;
  return String(target.value);
}

/** Top-level environment blocks (`development:`, `production:`...) with their mapping. */
export function environmentBlocks(
  parsed: ParsedYaml,
): { name: string; environment: Environment; map: YAMLMap; line: number }[] {
  const root = parsed.doc.contents;
  if (!isMap(root)) return [];
  const blocks: { name: string; environment: Environment; map: YAMLMap; line: number }[] = [];
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const environment = railsEnvironment(name);
    const value = isAlias(pair.value) ? pair.value.resolve(parsed.doc) : pair.value;
    if (!environment || !isMap(value)) continue;
    blocks.push({ name, environment, map: value, line: parsed.lineOf(pair.key) });
  }
  return blocks;
}
