import { redactText } from "../parity/redact";
import type { Evidence, Level } from "../parity/types";
import { changesParity, type DeltaFinding, type PrDelta } from "./delta";

/**
 * The sticky PR comment, as Markdown. Deterministic for a given delta and refs: nothing in it
 * depends on the head sha or the clock, so a push that changes nothing about parity renders the
 * same text and the bot sends no edit. Links use branch names for the same reason.
 */

/** The hidden marker that finds our comment among the PR's comments. */
export const COMMENT_MARKER = "<!-- parity:report -->";

/** Rows per findings table; the rest is counted and left to the check run's annotations. */
export const MAX_ROWS = 25;

export interface CommentLinks {
  /** `https://github.com` or a GHES host. */
  serverUrl: string;
  baseRepository: string;
  baseRef: string;
  /** A fork's `owner/name` for fork PRs. */
  headRepository: string;
  headRef: string;
}

const SEVERITY_ICON = { high: "🔴", medium: "🟠", low: "🟡", info: "⚪" } as const;
const LEVEL_NAME: Record<Level, string> = { gold: "Gold", silver: "Silver", bronze: "Bronze" };

function cell(text: string): string {
  return redactText(text).replace(/\r?\n/g, " ").replace(/\|/g, "\\|").trim();
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function location(evidence: Evidence | undefined, repository: string, ref: string, serverUrl: string): string {
  if (!evidence?.file) return "—";
  const line = evidence.line > 0 ? evidence.line : null;
  const label = line ? `${evidence.file}:${line}` : evidence.file;
  const url = `${serverUrl}/${repository}/blob/${encodeURIComponent(ref)}/${encodePath(evidence.file)}${line ? `#L${line}` : ""}`;
  return `[${cell(label)}](${url})`;
}

function score(value: number | null): string {
  return value === null ? "—" : String(Math.round(value));
}

function level(value: Level | null): string {
  return value ? LEVEL_NAME[value] : "Not yet";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function summaryLine(delta: PrDelta): string {
  if (!changesParity(delta)) return "No change to dev/prod parity.";
  const parts: string[] = [];
  if (delta.newFindings.length) parts.push(plural(delta.newFindings.length, "new finding"));
  if (delta.resolvedFindings.length) parts.push(`${delta.resolvedFindings.length} resolved`);
  if (!delta.newFindings.length && !delta.resolvedFindings.length && delta.matrixChanges.length) {
    parts.push(plural(delta.matrixChanges.length, "service change"));
  }
  parts.push(`score ${score(delta.scoresBefore.overall)} → ${score(delta.scoresAfter.overall)}`);
  if (delta.levelBefore !== delta.levelAfter) parts.push(`${level(delta.levelBefore)} → ${level(delta.levelAfter)}`);
  return parts.join(" · ");
}

function findingsTable(
  heading: string,
  findings: readonly DeltaFinding[],
  where: { repository: string; ref: string; serverUrl: string },
): string[] {
  if (!findings.length) return [];
  const lines = [`**${heading}**`, "", "| | Finding | Where |", "|---|---|---|"];
  for (const finding of findings.slice(0, MAX_ROWS)) {
    const first = finding.evidence.find((e) => e.file) ?? finding.evidence[0];
    const title = `**${cell(finding.title)}**: ${cell(finding.message)}`;
    lines.push(
      `| ${SEVERITY_ICON[finding.severity]} ${finding.severity} | ${title} | ${location(first, where.repository, where.ref, where.serverUrl)} |`,
    );
  }
  if (findings.length > MAX_ROWS) lines.push("", `…and ${findings.length - MAX_ROWS} more in the check run.`);
  lines.push("");
  return lines;
}

function details(delta: PrDelta): string[] {
  const rows: [string, number | null, number | null][] = [
    ["Overall", delta.scoresBefore.overall, delta.scoresAfter.overall],
    ["Tools", delta.scoresBefore.tools, delta.scoresAfter.tools],
    ["Time", delta.scoresBefore.time, delta.scoresAfter.time],
    ["Personnel", delta.scoresBefore.personnel, delta.scoresAfter.personnel],
  ];
  const lines = [
    "<details><summary>Scores and service matrix</summary>",
    "",
    "| | Before | After |",
    "|---|---|---|",
    `| Level | ${level(delta.levelBefore)} | ${level(delta.levelAfter)} |`,
    ...rows.map(([name, before, after]) => `| ${name} | ${score(before)} | ${score(after)} |`),
    "",
  ];
  if (delta.matrixChanges.length) {
    lines.push("| Service | Environment | Before | After |", "|---|---|---|---|");
    for (const change of delta.matrixChanges) {
      lines.push(
        `| ${cell(change.service)} | ${change.environment} | ${cell(change.before)} | ${cell(change.after)} |`,
      );
    }
  } else {
    lines.push("The service matrix is unchanged.");
  }
  lines.push("", "</details>");
  return lines;
}

export function renderComment(delta: PrDelta, links: CommentLinks): string {
  const lines = [COMMENT_MARKER, `### Parity: ${summaryLine(delta)}`, ""];
  lines.push(
    ...findingsTable("New findings", delta.newFindings, {
      repository: links.headRepository,
      ref: links.headRef,
      serverUrl: links.serverUrl,
    }),
    ...findingsTable("Resolved", delta.resolvedFindings, {
      repository: links.baseRepository,
      ref: links.baseRef,
      serverUrl: links.serverUrl,
    }),
    ...details(delta),
  );
  // No link to the check run: its URL changes with every push and would force an edit.
  lines.push(
    "",
    `<sub>Parity compares this pull request with \`${cell(links.baseRef)}\`; the Parity check annotates every location.</sub>`,
  );
  return `${lines.join("\n")}\n`;
}
