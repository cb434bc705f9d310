import { type Report, SEVERITIES, type Severity } from "../lib/parity/types";

/** Sentences for every CI gate the report fails; empty when it passes. */
export function failedGates(report: Report, gates: { failUnder: number | null; failOn: Severity | null }): string[] {
  const failures: string[] = [];
  if (gates.failUnder !== null) {
    const overall = report.scores.overall;
    if (overall === null) failures.push(`no overall score could be computed (--fail-under ${gates.failUnder})`);
    else if (overall < gates.failUnder) failures.push(`overall score ${overall} is below ${gates.failUnder}`);
  }
  if (gates.failOn !== null) {
    const worst = SEVERITIES.indexOf(gates.failOn);
    const offending = report.findings.filter((f) => !f.suppressed && SEVERITIES.indexOf(f.severity) <= worst);
    if (offending.length > 0) {
      failures.push(
        `${offending.length} unsuppressed finding${offending.length === 1 ? "" : "s"} at ${gates.failOn} or worse`,
      );
    }
  }
  return failures;
}
