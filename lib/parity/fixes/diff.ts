/**
 * A unified diff (`diff -u`, `git apply`) of one file's two versions. No diff library is in the
 * dependencies and the engine stays small: a line LCS over the part between the common prefix
 * and suffix, which for a fix plan is a few lines.
 */

const CONTEXT = 3;
/** Beyond this many cells the middle is shown as one replaced block (still a correct patch). */
const MAX_CELLS = 4_000_000;

type Op = { type: " " | "-" | "+"; text: string };

/**
 * Lines with their endings kept off. A last line with no newline carries NO_EOL, so it never
 * matches the same text with one (that difference is a change) and prints git's marker.
 */
const NO_EOL = "\u0000no-eol";

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += NO_EOL;
  return lines;
}

function middleOps(a: readonly string[], b: readonly string[]): Op[] {
  if (a.length * b.length > MAX_CELLS) {
    return [...a.map((text) => ({ type: "-" as const, text })), ...b.map((text) => ({ type: "+" as const, text }))];
  }
  // cell(i, j): the longest common subsequence of a[i..] and b[j..], in one flat table.
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  const cell = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * width + j] = a[i] === b[j] ? cell(i + 1, j + 1) + 1 : Math.max(cell(i + 1, j), cell(i, j + 1));
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ type: " ", text: a[i] as string });
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || cell(i + 1, j) >= cell(i, j + 1))) {
      // Removals first, then additions, as diff(1) prints a change.
      ops.push({ type: "-", text: a[i] as string });
      i += 1;
    } else {
      ops.push({ type: "+", text: b[j] as string });
      j += 1;
    }
  }
  return ops;
}

/**
 * `--- a/path`, `+++ b/path` and the hunks; empty when nothing changed. `before` null is a new
 * file (`/dev/null`). A missing final newline is marked the way git does.
 */
export function unifiedDiff(path: string, before: string | null, after: string): string {
  if (before === after) return "";
  const a = splitLines(before ?? "");
  const b = splitLines(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix += 1;
  const ops: Op[] = [
    ...a.slice(0, prefix).map((text) => ({ type: " " as const, text })),
    ...middleOps(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)),
    ...a.slice(a.length - suffix).map((text) => ({ type: " " as const, text })),
  ];
  const header = `--- ${before === null ? "/dev/null" : `a/${path}`}\n+++ b/${path}\n`;
  return header + hunks(ops).join("");
}

function hunks(ops: readonly Op[]): string[] {
  const changed = ops.flatMap((op, index) => (op.type === " " ? [] : [index]));
  const out: string[] = [];
  let index = 0;
  while (index < changed.length) {
    const first = changed[index] as number;
    let last = first;
    // Changes closer than twice the context share one hunk.
    while (index + 1 < changed.length && (changed[index + 1] as number) - last <= 2 * CONTEXT) {
      index += 1;
      last = changed[index] as number;
    }
    index += 1;
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length, last + CONTEXT + 1);
    let oldStart = 0;
    let newStart = 0;
    for (const op of ops.slice(0, from)) {
      if (op.type !== "+") oldStart += 1;
      if (op.type !== "-") newStart += 1;
    }
    const slice = ops.slice(from, to);
    const oldCount = slice.filter((op) => op.type !== "+").length;
    const newCount = slice.filter((op) => op.type !== "-").length;
    const body = slice.map((op) =>
      op.text.endsWith(NO_EOL)
        ? `${op.type}${op.text.slice(0, -NO_EOL.length)}\n\\ No newline at end of file\n`
        : `${op.type}${op.text}\n`,
    );
    const range = (start: number, count: number) =>
      `${count === 0 ? start : start + 1}${count === 1 ? "" : `,${count}`}`;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${body.join("")}`);
  }
  return out;
}
