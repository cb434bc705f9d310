import type { FixPlan } from "../parity/fixes/index";
import { redactText } from "../parity/redact";
import type { DeltaFinding } from "./delta";

/**
 * One-click fixes on a pull request (docs/github-app.md): for each new finding of the PR whose
 * verified fix plan (lib/parity/fixes) edits only lines the PR added, a review comment on those
 * lines carrying a ```suggestion block with the whole new line(s). GitHub replaces the commented
 * lines with the block, so the block holds every line from the first edited to the last. Pure.
 */

/** Finds the bot's earlier suggestions among the PR's review comments, per finding. */
export const SUGGESTION_MARKER = "<!-- parity-suggestion:";

/** A review is a burst of notifications: the rest stay in the sticky comment and the check run. */
export const MAX_SUGGESTIONS = 20;

export interface SuggestionComment {
  fingerprint: string;
  path: string;
  /** Last line (RIGHT side, head file numbering); `startLine` is the first when there are several. */
  line: number;
  startLine?: number;
  body: string;
}

export interface SuggestionInput {
  /** The PR's new findings, in the order the comment lists them. */
  findings: readonly DeltaFinding[];
  /** Verified plans made on the head snapshot. */
  plans: readonly FixPlan[];
  /** The head's file contents (what the plans' offsets refer to). */
  files: ReadonlyMap<string, string>;
  /** Per path, the head lines the PR added (lib/bot/patch-lines.ts). */
  added: ReadonlyMap<string, ReadonlySet<number>>;
  /** Findings already suggested on this PR (their markers are on its review comments). */
  suggested?: ReadonlySet<string>;
}

export function suggestionMarker(fingerprint: string): string {
  return `${SUGGESTION_MARKER}${fingerprint} -->`;
}

/** The fingerprints a review comment's body marks as suggested. */
export function markedFingerprints(body: string | null | undefined): string[] {
  const out: string[] = [];
  for (const match of (body ?? "").matchAll(/<!-- parity-suggestion:([^\s>]+) -->/g)) out.push(match[1] ?? "");
  return out;
}

function lineOf(content: string, offset: number): number {
  let line = 1;
  for (let at = content.indexOf("\n"); at >= 0 && at < offset; at = content.indexOf("\n", at + 1)) line += 1;
  return line;
}

/** A fence longer than any run of backticks in the text, so the block cannot be closed early. */
function fence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

interface Span {
  path: string;
  first: number;
  last: number;
  lines: string[];
}

/** The lines `first..last` of the file before, and the lines that replace them after the plan. */
function spans(plan: FixPlan, files: ReadonlyMap<string, string>): Span[] | null {
  const out: Span[] = [];
  for (const path of new Set(plan.edits.map((edit) => edit.file))) {
    const before = files.get(path);
    if (before === undefined) return null; // a file the plan creates: nothing to comment on
    const edits = plan.edits.filter((edit) => edit.file === path).sort((a, b) => a.start - b.start);
    let after = before;
    for (const edit of [...edits].reverse()) {
      if (before.slice(edit.start, edit.end) !== edit.before) return null;
      after = after.slice(0, edit.start) + edit.after + after.slice(edit.end);
    }
    const first = Math.min(...edits.map((edit) => lineOf(before, edit.start)));
    const last = Math.max(...edits.map((edit) => lineOf(before, Math.max(edit.start, edit.end - 1))));
    const oldLines = before.split("\n");
    const newLines = after.split("\n");
    // Every line outside first..last is the same on both sides: the middle is the replacement.
    const lines = newLines
      .slice(first - 1, newLines.length - (oldLines.length - last))
      .map((l) => l.replace(/\r$/, ""));
    out.push({ path, first, last, lines });
  }
  return out;
}

function body(finding: DeltaFinding, lines: readonly string[]): string {
  const text = lines.join("\n");
  const mark = fence(text);
  const message = redactText(finding.message).replace(/\s+/g, " ").trim().replace(/\.$/, "");
  return [
    suggestionMarker(finding.fingerprint),
    `**Parity**: ${message}; committing this suggestion brings it to prod (Parity audited the change: the finding is gone and nothing new appears).`,
    "",
    `${mark}suggestion`,
    ...(text === "" ? [] : [text]),
    mark,
  ].join("\n");
}

export function suggestionComments(input: SuggestionInput): SuggestionComment[] {
  const plans = new Map(input.plans.map((plan) => [plan.fingerprint, plan]));
  const out: SuggestionComment[] = [];
  for (const finding of input.findings) {
    const plan = plans.get(finding.fingerprint);
    if (!plan || plan.edits.length === 0 || input.suggested?.has(finding.fingerprint)) continue;
    const found = spans(plan, input.files);
    if (!found) continue;
    const onAddedLines = found.every((span) => {
      const added = input.added.get(span.path);
      for (let line = span.first; line <= span.last; line += 1) if (!added?.has(line)) return false;
      return true;
    });
    // Never echo a secret: a line the redactor would change is not suggested.
    const clean = found.every((span) => span.lines.every((line) => redactText(line) === line));
    if (!onAddedLines || !clean) continue;
    if (out.length + found.length > MAX_SUGGESTIONS) break;
    for (const span of found) {
      out.push({
        fingerprint: finding.fingerprint,
        path: span.path,
        line: span.last,
        ...(span.first < span.last ? { startLine: span.first } : {}),
        body: body(finding, span.lines),
      });
    }
  }
  return out;
}

/** The review's own text: short, the findings themselves are in the sticky comment. */
export function reviewBody(comments: readonly SuggestionComment[]): string {
  const n = new Set(comments.map((comment) => comment.fingerprint)).size;
  return `**Parity** suggests ${n === 1 ? "a change" : `${n} changes`} that bring${n === 1 ? "s" : ""} this pull request's new ${n === 1 ? "finding" : "findings"} to prod, each proven by a second audit; the full report is in Parity's comment.`;
}
