import type { Finding, Report, Severity } from "../types";
import { buildMatrix } from "./matrix";
import { formatScore, levelName, location, metaIndex, type RenderOptions } from "./meta";

export interface TextOptions extends RenderOptions {
  /** ANSI colours; the CLI passes true only for a TTY without NO_COLOR. */
  color: boolean;
  /** List each classified file's environments and why (`parity audit --explain`). */
  explain?: boolean;
}

const ANSI = {
  bold: "\u001b[1m",
  dim: "\u001b[2m",
  red: "\u001b[31m",
  yellow: "\u001b[33m",
  cyan: "\u001b[36m",
  green: "\u001b[32m",
  reset: "\u001b[0m",
} as const;

type Style = Exclude<keyof typeof ANSI, "reset">;

const SEVERITY_STYLE: Record<Severity, Style> = { high: "red", medium: "yellow", low: "cyan", info: "dim" };

/** Repository text may carry escape sequences; they must not reach the terminal. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "").replace(/\n/g, " ");
}

function painter(color: boolean) {
  return (style: Style, text: string) => (color ? `${ANSI[style]}${text}${ANSI.reset}` : text);
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [format(header), ...rows.map(format)];
}

/** Why and how to fix are printed with a check's first finding; later ones point back to it. */
function findingLines(finding: Finding, options: TextOptions, explained: Set<string>): string[] {
  const paint = painter(options.color);
  const meta = metaIndex(options.checks).get(finding.check);
  const badge = paint(SEVERITY_STYLE[finding.severity], finding.severity.toUpperCase().padEnd(6));
  const lines = [`${badge} ${paint("bold", clean(finding.title))} ${paint("dim", `[${finding.check}]`)}`];
  lines.push(`       ${clean(finding.message)}`);
  for (const evidence of finding.evidence) {
    const env = evidence.environment ? ` (${evidence.environment})` : "";
    const value = evidence.value ? `  ${clean(evidence.value)}` : "";
    lines.push(`       ${paint("cyan", clean(location(evidence.file, evidence.line)))}${env}${value}`);
  }
  if (finding.suppressed) lines.push(`       ${paint("dim", `suppressed: ${clean(finding.suppressionReason ?? "")}`)}`);
  if (meta && !finding.suppressed && explained.has(finding.check)) {
    lines.push(`       ${paint("dim", `Why and how to fix: as above [${finding.check}]`)}`);
  } else if (meta && !finding.suppressed) {
    explained.add(finding.check);
    lines.push(`       ${paint("bold", "Why:")} ${clean(meta.rationale)}`);
    lines.push(`       ${paint("bold", "Fix:")} ${clean(meta.remediation)}`);
  }
  return lines;
}

/** Each classified file once (a file several formats read says the same), with its reason. */
export function explainedFiles(report: Report): { path: string; environments: string; reason: string }[] {
  const seen = new Map<string, { path: string; environments: string; reason: string }>();
  for (const file of report.files) {
    if (seen.has(file.path)) continue;
    seen.set(file.path, {
      path: file.path,
      environments: file.environments.join(", ") || "-",
      reason: file.reason ?? "",
    });
  }
  return [...seen.values()];
}

/** `--explain`: why each file is in its environments. */
function explainLines(report: Report, paint: ReturnType<typeof painter>): string[] {
  const files = explainedFiles(report);
  const lines = [paint("bold", `Environments of the files read (${files.length})`)];
  for (const file of files) {
    lines.push(`  ${paint("cyan", clean(file.path))}  ${clean(file.environments)}`);
    if (file.reason) lines.push(`      ${paint("dim", clean(file.reason))}`);
  }
  return lines;
}

/** The human output of `parity audit`. */
export function toText(report: Report, options: TextOptions): string {
  const paint = painter(options.color);
  const { scores } = report;
  const commit = report.commit ? ` @ ${report.commit.slice(0, 12)}` : "";
  const lines = [
    paint("bold", `Parity: ${clean(report.repository)}${commit}`),
    `Score ${paint("bold", `${formatScore(scores.overall)}/100`)}  Level: ${paint("bold", levelName(report.level))}  ` +
      paint(
        "dim",
        `(tools ${formatScore(scores.tools)}, time ${formatScore(scores.time)}, personnel ${formatScore(scores.personnel)})`,
      ),
    "",
  ];
  const matrix = buildMatrix(report);
  if (matrix.rows.length === 0) lines.push("No backing services or runtimes found.");
  else {
    const rendered = table(
      ["Service", ...matrix.environments],
      matrix.rows.map((row) => [clean(row.label), ...row.cells.map(clean)]),
    );
    lines.push(paint("bold", rendered[0] ?? ""), ...rendered.slice(1));
  }
  const active = report.findings.filter((finding) => !finding.suppressed);
  const suppressed = report.findings.filter((finding) => finding.suppressed);
  lines.push("", paint("bold", `Findings (${active.length})`));
  if (active.length === 0) lines.push(paint("green", "No open findings."));
  const explained = new Set<string>();
  for (const finding of active) lines.push(...findingLines(finding, options, explained), "");
  if (suppressed.length > 0) {
    lines.push(paint("bold", `Suppressed (${suppressed.length})`));
    for (const finding of suppressed) lines.push(...findingLines(finding, options, explained), "");
  }
  if (report.nextLevel) {
    lines.push(paint("bold", `Next level: ${levelName(report.nextLevel.level)} needs`));
    for (const need of report.nextLevel.needs) lines.push(`  - ${clean(need)}`);
  }
  if (options.explain) lines.push("", ...explainLines(report, paint));
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
