/**
 * Insertions into block YAML without re-serialising it: the `yaml` parser gives each node's
 * source range, the new lines are written at the indentation and line ending the file already
 * uses, and nothing else in the file moves.
 */
import { isMap, isScalar, parseDocument, type YAMLMap } from "yaml";

export interface Block {
  /** Offset where new lines go (the start of a line). */
  offset: number;
  /** Indentation of the entries at that place. */
  indent: string;
  /** One step of indentation in this file. */
  unit: string;
  eol: string;
}

export function lineEnding(content: string): string {
  return content.includes("\r\n") ? "\r\n" : "\n";
}

function lineStart(content: string, offset: number): number {
  return content.lastIndexOf("\n", offset - 1) + 1;
}

function column(content: string, offset: number): number {
  return offset - lineStart(content, offset);
}

/** The first document's top-level map, when the file parses as block YAML. */
export function topMap(content: string): YAMLMap | null {
  const document = parseDocument(content);
  if (document.errors.length > 0 || !isMap(document.contents)) return null;
  return document.contents;
}

/** The value map of `key` in `map`, when it is a block map. */
export function child(map: YAMLMap, key: string): YAMLMap | null {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair && isMap(pair.value) && !pair.value.flow ? pair.value : null;
}

/** The pair of `map` whose key starts on `line` (1-based). */
export function pairOnLine(content: string, map: YAMLMap, line: number) {
  return map.items.find((item) => {
    const start = isScalar(item.key) ? item.key.range?.[0] : undefined;
    return start !== undefined && content.slice(0, start).split("\n").length === line;
  });
}

/** Where an entry goes at the end of block map `map` (after its last entry's lines, comments kept above). */
export function endOf(content: string, map: YAMLMap): Block | null {
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  const firstStart = isScalar(first?.key) ? first.key.range?.[0] : undefined;
  const end = map.range?.[1];
  if (firstStart === undefined || end === undefined || last === undefined) return null;
  const indent = " ".repeat(column(content, firstStart));
  // The value range ends where the last entry's text ends; new lines start after that line.
  const newline = content.indexOf("\n", Math.max(end - 1, 0));
  const offset = newline < 0 ? content.length : newline + 1;
  return { offset, indent, unit: indentUnit(content), eol: lineEnding(content) };
}

/** Before `key`'s line in `map` (a job's `steps:`), at that key's indentation. */
export function before(content: string, map: YAMLMap, key: string): Block | null {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  const start = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  if (start === undefined) return null;
  return {
    offset: lineStart(content, start),
    indent: " ".repeat(column(content, start)),
    unit: indentUnit(content),
    eol: lineEnding(content),
  };
}

/** The file's indentation step: the smallest non-zero indentation of a line (2 if none). */
export function indentUnit(content: string): string {
  let smallest = 0;
  for (const match of content.matchAll(/^( +)\S/gm)) {
    const width = match[1]?.length ?? 0;
    if (width > 0 && (smallest === 0 || width < smallest)) smallest = width;
  }
  return " ".repeat(smallest || 2);
}
