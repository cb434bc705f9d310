import type { CheckResult, Finding, Severity } from "@/lib/parity/types";
import { SEVERITY_ORDER } from "../format";

/**
 * The severity a check shows beside its result: the worst of its open findings, so the Tools card,
 * the findings list and the overview name one severity per problem. A check's own severity is
 * only its default (a finding can be raised, e.g. by version distance, or lowered); it is shown
 * when no open finding says otherwise.
 */
export function checkSeverity(check: Pick<CheckResult, "id" | "severity">, findings: readonly Finding[]): Severity {
  let worst: Severity | null = null;
  for (const finding of findings) {
    if (finding.check !== check.id || finding.suppressed) continue;
    if (worst === null || SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[worst]) worst = finding.severity;
  }
  return worst ?? check.severity;
}
