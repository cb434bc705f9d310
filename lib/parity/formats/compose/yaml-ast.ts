import {
  type Alias,
  type Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  parseDocument,
} from "yaml";
import type { Problem } from "../../types";

/**
 * YAML helpers that keep positions: values are read from the AST (not `toJS`) so every fact
 * keeps the line where it is written, through aliases and `<<` merge keys
 * (https://yaml.org/type/merge.html, which Compose supports).
 */

export interface Parsed {
  doc: Document.Parsed;
  lines: LineCounter;
  problems: Problem[];
}

export function parseYaml(content: string, lines: LineCounter): Parsed {
  // No `merge` option: it only changes `toJS` (and adds a tag every scalar is tested against);
  // `entries` applies `<<` keys itself, on the AST, whichever way the key was resolved.
  const doc = parseDocument(content, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const problems: Problem[] = doc.errors.map((error) => ({
    type: "parse-error",
    line: lines.linePos(error.pos[0]).line,
    message: firstLine(error.message),
  }));
  return { doc, lines, problems };
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}

/**
 * What each alias node resolved to. yaml's `Alias.resolve` walks the whole document to find the
 * anchor, and `entries` resolves the same `<<: *defaults` once per service that merges it, so
 * each alias is resolved once. Keyed on the node: the answer is fixed for its document, and the
 * entry goes when the parsed document does.
 */
const resolvedAliases = new WeakMap<Alias, unknown>();

/**
 * The node an alias names, as `Alias.resolve` finds it: the last node anchored with the alias's
 * name before the alias, in document order (each node, then its items; a pair's key, then its
 * value). `resolve` first lists every node of the document (copying a frozen path per node); this
 * walk stops at the alias.
 */
function anchoredBefore(root: unknown, alias: Alias): Node | undefined {
  let found: Node | undefined;
  let reached = false;
  const walk = (node: unknown): void => {
    if (reached) return;
    if (node === alias) {
      reached = true;
      return;
    }
    if (isPair(node)) {
      walk(node.key);
      walk(node.value);
      return;
    }
    if (!isScalar(node) && !isCollection(node)) return;
    if (node.anchor && node.anchor === alias.source) found = node;
    if (isCollection(node)) for (const item of node.items) walk(item);
  };
  walk(root);
  return found;
}

/** Follows aliases (`*db`) to the node they name; depth-limited against alias loops. */
export function deref(doc: Document, node: unknown, depth = 0): Node | null {
  if (depth > 20 || node === null || node === undefined) return null;
  if (isAlias(node)) {
    let target = resolvedAliases.get(node);
    if (target === undefined && !resolvedAliases.has(node)) {
      target = anchoredBefore(doc.contents, node);
      resolvedAliases.set(node, target);
    }
    return deref(doc, target, depth + 1);
  }
  return node as Node;
}

/** 1-based line where a node starts. */
export function lineOf(lines: LineCounter, node: Node | null | undefined, fallback = 1): number {
  const start = node?.range?.[0];
  return start === undefined ? fallback : lines.linePos(start).line;
}

export interface Entry {
  key: string;
  value: Node | null;
  /** The key node, for the line of a key whose value is empty or a block. */
  keyNode: Node | null;
}

/**
 * The effective entries of a mapping: own keys win over `<<` merged ones, earlier merge
 * sources over later ones, as the merge-key spec says.
 */
export function entries(doc: Document, node: unknown, depth = 0): Map<string, Entry> {
  const result = new Map<string, Entry>();
  const map = deref(doc, node);
  if (!isMap(map) || depth > 10) return result;
  const merged: Map<string, Entry>[] = [];
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    if (isScalar(keyNode) && (keyNode.source === "<<" || keyNode.value === "<<")) {
      const sources = deref(doc, pair.value);
      const list = isSeq(sources) ? sources.items : [sources];
      for (const source of list) merged.push(entries(doc, source, depth + 1));
      continue;
    }
    const key = isScalar(keyNode) ? String(keyNode.value) : null;
    if (key === null) continue;
    result.set(key, { key, value: deref(doc, pair.value), keyNode });
  }
  for (const source of merged) {
    for (const [key, entry] of source) if (!result.has(key)) result.set(key, entry);
  }
  return result;
}

/** A scalar's text (numbers and booleans as written), or null for collections and nulls. */
export function text(node: Node | null | undefined): string | null {
  if (!isScalar(node) || node.value === null || node.value === undefined) return null;
  return typeof node.source === "string" && typeof node.value !== "string" ? node.source : String(node.value);
}

/** Items of a sequence (aliases followed), or [] for anything else. */
export function items(doc: Document, node: unknown): (Node | null)[] {
  const seq = deref(doc, node);
  if (!isSeq(seq)) return [];
  return seq.items.map((item) => deref(doc, item));
}
