import type { Finding, Report, Severity } from "../../lib/parity/types";
import type { ChangedLines } from "./changed-lines";
import { type AnnotationLevel, annotation } from "./workflow-commands";

const LEVELS: Record<Severity, AnnotationLevel> = { high: "error", medium: "warning", low: "notice", info: "notice" };

/**
 * One annotation per unsuppressed finding, at its first piece of evidence the change touched (mode
 * `changed`) or its first piece of evidence (mode `all`). `prefix` is the audited directory within
 * the workspace, so paths are the repository's. Changed lines unknown in mode `changed`: none.
 */
export function findingAnnotations(
  report: Report,
  mode: "changed" | "all" | "none",
  changed: ChangedLines | null,
  prefix: string,
): string[] {
  if (mode === "none" || (mode === "changed" && changed === null)) return [];
  const lines: string[] = [];
  for (const finding of report.findings) {
    if (finding.suppressed) continue;
    const at = placeOf(finding, mode, changed, prefix);
    if (!at) continue;
    lines.push(annotation(LEVELS[finding.severity], { ...at, title: `Parity: ${finding.title}` }, finding.message));
  }
  return lines;
}

function placeOf(
  finding: Finding,
  mode: "changed" | "all",
  changed: ChangedLines | null,
  prefix: string,
): { file: string; line: number } | null {
  for (const evidence of finding.evidence) {
    if (!evidence.file) continue;
    const file = prefix ? `${prefix}/${evidence.file}` : evidence.file;
    const line = Math.max(1, evidence.line);
    if (mode === "all" || changed?.get(file)?.has(line)) return { file, line };
  }
  return null;
}
