/**
 * YAML reading for the platform formats (render.yaml, heroku.yml, serverless.yml): the AST with
 * a LineCounter so every fact carries the line the parser saw, and small typed accessors.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import type { Problem } from "../../types";

export interface YamlFile {
  root: Node | null;
  /** 1-based line of a node (its first character), or `fallback` when it has no range. */
  line(node: unknown, fallback?: number): number;
  problems: Problem[];
}

/**
 * Parses permissively: YAML errors become `parse-error` problems with their line, and whatever
 * the parser recovered is still read. Unknown tags (CloudFormation's `!Ref`, `!GetAtt`) only warn.
 */
export function readYaml(content: string, label: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(content, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  const line = (node: unknown, fallback = 1) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : fallback;
  };
  const problems: Problem[] = doc.errors.map((error) => ({
    type: "parse-error",
    line: error.linePos?.[0]?.line ?? 1,
    message: `${label}: ${error.message.split("\n")[0]}`,
  }));
  return { root: (doc.contents as Node | null) ?? null, line, problems };
}

/** The value node of `key` in a map, or undefined. */
export function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const item of (node as YAMLMap).items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item.value as Node;
  }
  return undefined;
}

/** The key node of `key` in a map (its line is where the key is written). */
export function keyNode(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const item of (node as YAMLMap).items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item.key as Node;
  }
  return undefined;
}

/**
 * A scalar's text (numbers as written: `3.10` stays `3.10`), or null for anything else, and for
 * custom-tagged scalars (`!Ref Param` names a parameter, it is not the value).
 */
export function text(node: unknown): string | null {
  if (!isScalar(node)) return null;
  if (node.tag?.startsWith("!") && !node.tag.startsWith("!!")) return null;
  const value = node.value;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return node.source ?? String(value);
  return null;
}

/** Items of a sequence (empty for anything else). */
export function items(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]) : [];
}

/** Key/value pairs of a map with scalar keys. */
export function entries(node: unknown): { key: string; keyNode: Node; value: Node | undefined }[] {
  if (!isMap(node)) return [];
  const out: { key: string; keyNode: Node; value: Node | undefined }[] = [];
  for (const item of (node as YAMLMap).items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    out.push({
      key: String(item.key.value),
      keyNode: item.key as Node,
      value: (item.value as Node | null) ?? undefined,
    });
  }
  return out;
}
