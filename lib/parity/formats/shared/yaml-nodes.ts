import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import type { Problem } from "../../types";

/**
 * Small helpers over yaml's AST for the formats that read multi-document YAML (kubernetes,
 * kustomize, helm, skaffold, github-actions, drone, travis...). Lines always come from node ranges
 * through a LineCounter. The platform files read one permissive document with CloudFormation's
 * tags instead (platform-yaml.ts).
 */

export interface ParsedYaml {
  /** Root nodes of the documents that parsed (a `---` stream gives several). */
  roots: Node[];
  problems: Problem[];
  lineOf(node: Node | null | undefined): number;
}

/** Parses every document; a document with errors becomes a `parse-error` problem, never a throw. */
export function parseYamlDocuments(content: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // Bound rather than an arrow: tsx (the bench, the dev server) names every arrow assigned to a
  // const with Object.defineProperty, about 1 ms per bench audit here alone.
  const lineOf = lineIn.bind(undefined, lineCounter);
  const roots: Node[] = [];
  const problems: Problem[] = [];
  try {
    const docs = parseAllDocuments(content, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const list = Array.isArray(docs) ? docs : [];
    for (const doc of list) {
      const error = doc.errors[0];
      if (error) {
        const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
        problems.push({ type: "parse-error", line, message: firstLine(error.message) });
        continue;
      }
      if (doc.contents) roots.push(doc.contents as Node);
    }
  } catch (error) {
    problems.push({
      type: "parse-error",
      line: 1,
      message: error instanceof Error ? firstLine(error.message) : "unreadable YAML",
    });
  }
  return { roots, problems, lineOf };
}

function lineIn(lineCounter: LineCounter, node: Node | null | undefined): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : lineCounter.linePos(offset).line;
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}

/** The value node of `key` in a map (keys compared as strings), or undefined. */
export function getNode(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (keyText(pair.key) === key) return (pair.value ?? undefined) as Node | undefined;
  }
  return undefined;
}

/** The key node of `key` in a map, for the line of a key whose value is a block. */
export function getKeyNode(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (keyText(pair.key) === key) return pair.key as Node;
  }
  return undefined;
}

/** Follows a path of map keys. */
export function getPath(node: unknown, path: readonly string[]): Node | undefined {
  let current: unknown = node;
  for (const key of path) {
    current = getNode(current, key);
    if (current === undefined) return undefined;
  }
  return current as Node;
}

export function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return "";
}

/** A scalar as written: `3.10` stays `3.10` (yaml would read the number 3.1). */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === "string") return node.value;
  if (typeof node.source === "string" && node.source !== "") return node.source;
  return String(node.value);
}

export function mapEntries(node: unknown): { key: string; keyNode: Node; value: Node | undefined }[] {
  if (!isMap(node)) return [];
  const entries: { key: string; keyNode: Node; value: Node | undefined }[] = [];
  for (const pair of (node as YAMLMap).items) {
    if (!isPair(pair)) continue;
    entries.push({
      key: keyText(pair.key),
      keyNode: pair.key as Node,
      value: (pair.value ?? undefined) as Node | undefined,
    });
  }
  return entries;
}

export function seqItems(node: unknown): Node[] {
  if (!isSeq(node)) return [];
  return (node as YAMLSeq).items.filter((item): item is Node => item !== null && typeof item === "object");
}

export { isMap, isScalar, isSeq };
