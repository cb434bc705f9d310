import type { Finding, Report } from "../types";
import { buildMatrix } from "./matrix";
import { formatScore, levelName, location, metaIndex, type RenderOptions } from "./meta";
import { explainedFiles } from "./text";

const SEVERITY_MARK = { high: "🔴", medium: "🟠", low: "🟡", info: "⚪" } as const;

/** Repository text (paths, values, messages) must not inject markup into a PR comment. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~!]/g, (char) => `\\${char}`).replace(/\n/g, " ");
}

function code(text: string): string {
  // A code span cannot hold its own fence; a lookalike keeps paths readable.
  return `\`${text.replace(/`/g, "ˋ").replace(/\n/g, " ")}\``;
}

function scoresTable(report: Report): string[] {
  const { scores } = report;
  return [
    "| Overall | Tools | Time | Personnel |",
    "|---|---|---|---|",
    `| ${formatScore(scores.overall)} | ${formatScore(scores.tools)} | ${formatScore(scores.time)} | ${formatScore(scores.personnel)} |`,
  ];
}

function matrixTable(report: Report): string[] {
  const matrix = buildMatrix(report);
  if (matrix.rows.length === 0) return ["No backing services or runtimes found."];
  return [
    `| Service | ${matrix.environments.join(" | ")} |`,
    `|---|${matrix.environments.map(() => "---").join("|")}|`,
    ...matrix.rows.map((row) => `| ${escapeMarkdown(row.label)} | ${row.cells.map(escapeMarkdown).join(" | ")} |`),
  ];
}

function findingBlock(finding: Finding, options: RenderOptions): string[] {
  const meta = metaIndex(options.checks).get(finding.check);
  const lines = [
    `### ${SEVERITY_MARK[finding.severity]} ${escapeMarkdown(finding.title)}`,
    "",
    `${escapeMarkdown(finding.message)} (${code(finding.check)}, ${finding.severity}, ${finding.gap} gap)`,
    "",
  ];
  for (const evidence of finding.evidence) {
    const env = evidence.environment ? ` (${evidence.environment})` : "";
    const value = evidence.value ? ` ${code(evidence.value)}` : "";
    lines.push(`- ${code(location(evidence.file, evidence.line))}${env}${value}`);
  }
  if (finding.suppressed) lines.push("", `Suppressed: ${escapeMarkdown(finding.suppressionReason ?? "")}`);
  if (meta) {
    lines.push(
      "",
      "<details><summary>Why it bites and how to fix it</summary>",
      "",
      escapeMarkdown(meta.rationale),
      "",
      `**Fix:** ${escapeMarkdown(meta.remediation)}`,
      "",
      "</details>",
    );
  }
  lines.push("");
  return lines;
}

/** The report as Markdown (the page export and the basis of PR comments). */
export function toMarkdown(report: Report, options: RenderOptions = {}): string {
  const active = report.findings.filter((finding) => !finding.suppressed);
  const suppressed = report.findings.filter((finding) => finding.suppressed);
  const commit = report.commit ? ` at ${code(report.commit.slice(0, 12))}` : "";
  const lines = [
    `# Parity report: ${escapeMarkdown(report.repository)}${commit}`,
    "",
    `**Score ${formatScore(report.scores.overall)}/100**, level: **${levelName(report.level)}**`,
    "",
    ...scoresTable(report),
    "",
    "## Services by environment",
    "",
    ...matrixTable(report),
    "",
    `## Findings (${active.length})`,
    "",
  ];
  if (active.length === 0) lines.push("No open findings.", "");
  for (const finding of active) lines.push(...findingBlock(finding, options));
  if (suppressed.length > 0) {
    lines.push(`## Suppressed (${suppressed.length})`, "");
    for (const finding of suppressed) lines.push(...findingBlock(finding, options));
  }
  if (report.nextLevel) {
    lines.push(`## Next level: ${levelName(report.nextLevel.level)}`, "");
    for (const need of report.nextLevel.needs) lines.push(`- ${escapeMarkdown(need)}`);
    lines.push("");
  }
  const files = explainedFiles(report);
  if (files.length > 0) {
    // Why each file is in its environments: collapsed, it is for checking the engine's reading.
    lines.push("<details><summary>Environments of the files read</summary>", "");
    lines.push("| File | Environments | Why |", "| --- | --- | --- |");
    for (const file of files) {
      lines.push(
        `| ${escapeMarkdown(file.path)} | ${escapeMarkdown(file.environments)} | ${escapeMarkdown(file.reason)} |`,
      );
    }
    lines.push("", "</details>", "");
  }
  lines.push(
    `<sub>Parity ${escapeMarkdown(report.engineVersion)}, audited ${escapeMarkdown(report.auditedAt)}</sub>`,
    "",
  );
  return lines.join("\n");
}
