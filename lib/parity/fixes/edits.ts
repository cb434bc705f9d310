import type { TextEdit } from "./types";

/** The offsets of 1-based `line` in `content`, its line ending excluded; null past the end. */
export function lineSpan(content: string, line: number): { start: number; end: number } | null {
  if (line < 1) return null;
  let start = 0;
  for (let current = 1; current < line; current += 1) {
    const next = content.indexOf("\n", start);
    if (next < 0) return null;
    start = next + 1;
  }
  let end = content.indexOf("\n", start);
  if (end < 0) end = content.length;
  // A CRLF file keeps its `\r`: the edit replaces text inside the line, never its ending.
  if (end > start && content[end - 1] === "\r") end -= 1;
  return { start, end };
}

/** An edit replacing `from..to` of line text that starts at `lineStart`. */
export function editAt(
  file: string,
  content: string,
  lineStart: number,
  from: number,
  to: number,
  after: string,
): TextEdit {
  const start = lineStart + from;
  const end = lineStart + to;
  return { file, start, end, before: content.slice(start, end), after };
}

export class StaleEditError extends Error {
  override name = "StaleEditError";
}

/**
 * The files with the edits applied; files the edits do not touch are the same strings. An edit
 * whose range already holds its `after` is skipped (the plan was applied before); one whose range
 * holds neither `before` nor `after` throws StaleEditError. Two edits of one range that agree are
 * one edit (two findings fixed by the same line); overlapping edits that disagree throw.
 */
export function applyEdits(files: ReadonlyMap<string, string>, edits: readonly TextEdit[]): Map<string, string> {
  const out = new Map(files);
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of dedupeEdits(edits)) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, fileEdits] of byFile) {
    let content = files.get(file) ?? "";
    // In file order with a running shift: offsets are against the original, and a file that
    // already holds some `after`s (the plan applied before) has those edits' lengths in it.
    const sorted = [...fileEdits].sort((a, b) => a.start - b.start || a.end - b.end);
    let shift = 0;
    let previousEnd = -1;
    for (const edit of sorted) {
      if (edit.start < previousEnd) throw new StaleEditError(`overlapping edits in ${file}`);
      previousEnd = edit.end;
      const at = edit.start + shift;
      shift += edit.after.length - edit.before.length;
      // Already there (checked first: `redis` -> `redis:7` still starts with its `before`).
      if (content.slice(at, at + edit.after.length) === edit.after) continue;
      if (content.slice(at, at + edit.before.length) !== edit.before) {
        throw new StaleEditError(`${file} changed since the plan was made`);
      }
      content = content.slice(0, at) + edit.after + content.slice(at + edit.before.length);
    }
    out.set(file, content);
  }
  return out;
}

/** Identical edits once (two findings fixed by one line, a shared `.nvmrc`). */
export function dedupeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = `${edit.file}\u0000${edit.start}\u0000${edit.end}\u0000${edit.after}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
