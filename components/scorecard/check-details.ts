import { PARSE_ERROR_CHECK } from "@/lib/parity/check-meta";
import { checkById } from "@/lib/parity/checks";
import type { Report } from "@/lib/parity/types";

/** What the page shows of a check beside its result: the registry's words, never copies of them. */
export interface CheckText {
  title: string;
  rationale: string;
  remediation: string;
}

/** Titles, "why it bites" and "how to fix" for every check the report mentions (plain data for props). */
export function checkTexts(report: Pick<Report, "checks" | "findings">): Record<string, CheckText> {
  const ids = new Set([...report.checks.map((check) => check.id), ...report.findings.map((finding) => finding.check)]);
  const texts: Record<string, CheckText> = {};
  for (const id of ids) {
    const meta = id === PARSE_ERROR_CHECK.id ? PARSE_ERROR_CHECK : checkById(id);
    texts[id] = meta
      ? { title: meta.title, rationale: meta.rationale, remediation: meta.remediation }
      : { title: id, rationale: "", remediation: "" };
  }
  return texts;
}
