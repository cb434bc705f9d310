import { CircleCheck, CircleHelp, CircleMinus, CircleX } from "lucide-react";
import type { CheckResult, CheckStatus, Finding, Gap, Report } from "@/lib/parity/types";
import { Card } from "../card";
import { SEVERITY_ORDER } from "../format";
import { ScoreValue, SeverityBadge } from "../score";
import type { CheckText } from "./check-details";
import { checkSeverity } from "./check-severity";
import { gapWindow, PartialHistoryNote } from "./gap-notes";

const GAP_TITLE: Record<Gap, string> = { tools: "Tools", time: "Time", personnel: "People" };

const STATUS: Record<CheckStatus, { Icon: typeof CircleCheck; word: string; className: string }> = {
  fail: { Icon: CircleX, word: "fails", className: "text-red-700 dark:text-red-400" },
  pass: { Icon: CircleCheck, word: "passes", className: "text-emerald-700 dark:text-emerald-400" },
  unknown: { Icon: CircleHelp, word: "unknown", className: "text-neutral-500 dark:text-neutral-400" },
  "not-applicable": { Icon: CircleMinus, word: "not applicable", className: "text-neutral-400 dark:text-neutral-500" },
};

const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, unknown: 1, pass: 2, "not-applicable": 3 };

/** Failing first, then by the severity shown (the findings', see check-severity.ts). */
function byImportance(findings: readonly Finding[]) {
  return (a: CheckResult, b: CheckResult): number =>
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    SEVERITY_ORDER[checkSeverity(a, findings)] - SEVERITY_ORDER[checkSeverity(b, findings)];
}

const UNKNOWN_GAP: Record<Gap, string> = {
  tools: "No environment definitions found to compare.",
  time: "No deploy signal found: connect GitHub deployments, releases or a deploy workflow.",
  personnel: "No commit or deploy history to see who deploys.",
};

export function GapCards({
  report,
  texts,
}: {
  report: Pick<Report, "checks" | "scores" | "findings">;
  texts: Record<string, CheckText>;
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      {(["tools", "time", "personnel"] as const).map((gap) => {
        const checks = report.checks.filter((check) => check.gap === gap).sort(byImportance(report.findings));
        return (
          <Card
            key={gap}
            titleId={`gap-${gap}`}
            aside={gapWindow(gap)}
            title={
              <span className="flex items-baseline gap-2">
                {GAP_TITLE[gap]}
                <ScoreValue score={report.scores[gap]} unknownReason={UNKNOWN_GAP[gap]} className="text-base" />
              </span>
            }
          >
            {checks.length === 0 ? (
              <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">No checks ran for this gap.</p>
            ) : (
              <ul className="divide-y divide-neutral-100 text-sm dark:divide-neutral-900">
                {checks.map((check) => {
                  const status = STATUS[check.status];
                  return (
                    <li key={check.id} className="flex gap-2 px-4 py-2">
                      <status.Icon className={`mt-0.5 size-4 shrink-0 ${status.className}`} aria-hidden />
                      <div className="min-w-0 flex-1">
                        <div className="flex items-start justify-between gap-2">
                          <span className="font-medium">
                            <span className="sr-only">{status.word}: </span>
                            {texts[check.id]?.title ?? check.id}
                          </span>
                          {check.status === "fail" ? (
                            <SeverityBadge severity={checkSeverity(check, report.findings)} />
                          ) : null}
                        </div>
                        {check.summary ? (
                          <p className="mt-0.5 text-xs text-neutral-600 dark:text-neutral-400">{check.summary}</p>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
            <PartialHistoryNote checks={checks} />
          </Card>
        );
      })}
    </div>
  );
}
