import { ChevronRight, Clock, EyeOff, type LucideIcon, WandSparkles } from "lucide-react";
import type { OfferedFix, OfferedFixes } from "@/lib/parity/fixes/index";
import type { Finding, Report } from "@/lib/parity/types";
import type { SuppressionView } from "@/lib/suppressions/status";
import { Card } from "../card";
import { ExportLinks } from "../export-links";
import { githubBlobUrl, SEVERITY_ORDER } from "../format";
import { SeverityBadge } from "../score";
import type { CheckText } from "./check-details";
import { FixAllOffer, FixOffer, type FixOfferTarget } from "./fix-offer";
import { SuppressFinding } from "./suppress-finding";

/** The repository's API path, each part escaped. */
function repositoryPath(repository: { owner: string; name: string }): string {
  return `/api/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}`;
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.title.localeCompare(b.title);
}

export function FindingsList({
  report,
  githubUrl,
  texts,
  pendingSuppressions = {},
  repository,
  pullRequestsOffered = false,
  fixes = null,
  fixesWritable = false,
}: {
  report: Pick<Report, "findings" | "repository" | "commit" | "scores">;
  /** GitHub's web address (GITHUB_URL), for the links to files. */
  githubUrl: string;
  texts: Record<string, CheckText>;
  /** Suppressions asked for from this page whose `.parity.yml` lines no audit has read yet, by fingerprint. */
  pendingSuppressions?: Record<string, SuppressionView>;
  /** The connected repository, as its routes name it: offers suppressing and exporting. */
  repository?: { owner: string; name: string };
  /** The GitHub App can open a pull request with a suppression's lines. */
  pullRequestsOffered?: boolean;
  /** The proven fixes of the audit shown (docs/fix.md). */
  fixes?: OfferedFixes | null;
  /** A GitHub writer exists: fixes offer "Open pull request". */
  fixesWritable?: boolean;
}) {
  const before = { overall: report.scores.overall, tools: report.scores.tools };
  const target: FixOfferTarget | null = repository ? { ...repository, writable: fixesWritable } : null;
  const fixOf = new Map((fixes?.fixes ?? []).map((fix) => [fix.fingerprint, fix]));
  const open = report.findings.filter((finding) => !finding.suppressed).sort(bySeverity);
  const suppressed = report.findings.filter((finding) => finding.suppressed).sort(bySeverity);
  return (
    <Card
      titleId="findings"
      title={`Findings (${open.length} open · ${suppressed.length} suppressed)`}
      aside={
        <span className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <span>open one to see why it bites and how to fix it</span>
          {repository ? <ExportLinks href={`${repositoryPath(repository)}/findings`} what="the findings" /> : null}
        </span>
      }
    >
      {report.findings.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">
          No findings: development, CI and production agree on everything Parity could read.
        </p>
      ) : (
        <>
          {fixes && target ? <FixAllOffer offered={fixes} before={before} target={target} /> : null}
          <ul className="divide-y divide-neutral-100 dark:divide-neutral-900">
            {[...open, ...suppressed].map((finding) => (
              <FindingItem
                key={finding.fingerprint}
                finding={finding}
                report={report}
                githubUrl={githubUrl}
                text={texts[finding.check]}
                // Suppressed findings offer nothing to do: no pending mark, no suppress form.
                {...(finding.suppressed
                  ? {}
                  : {
                      pending: pendingSuppressions[finding.fingerprint] ?? null,
                      repository,
                      pullRequestsOffered,
                      fix: fixOf.get(finding.fingerprint) ?? null,
                      fixBefore: before,
                      fixTarget: target,
                    })}
              />
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** A word beside a finding's message (suppressed, fix ready, suppression pending), with its icon. */
function FindingMark({ icon: Icon, label, tone = "" }: { icon: LucideIcon; label: string; tone?: string }) {
  return (
    <span className={`ml-2 inline-flex items-center gap-1 text-xs ${tone}`}>
      <Icon className="size-3" aria-hidden />
      {label}
    </span>
  );
}

function FindingItem({
  finding,
  report,
  githubUrl,
  text,
  pending = null,
  repository,
  pullRequestsOffered = false,
  fix = null,
  fixBefore,
  fixTarget = null,
}: {
  finding: Finding;
  report: Pick<Report, "repository" | "commit">;
  githubUrl: string;
  text: CheckText | undefined;
  pending?: SuppressionView | null;
  repository?: { owner: string; name: string };
  pullRequestsOffered?: boolean;
  fix?: OfferedFix | null;
  fixBefore?: { overall: number | null; tools: number | null };
  fixTarget?: FixOfferTarget | null;
}) {
  const located = finding.evidence.filter((evidence) => evidence.file);
  return (
    <li
      id={`finding-${finding.fingerprint}`}
      className={`scroll-mt-20 ${finding.suppressed ? "text-neutral-600 dark:text-neutral-400" : ""}`}
    >
      <details className="group">
        <summary className="flex cursor-pointer list-none items-start gap-2 px-4 py-2.5 text-sm hover:bg-neutral-50 dark:hover:bg-neutral-900/60 [&::-webkit-details-marker]:hidden">
          <ChevronRight className="mt-0.5 size-4 shrink-0 transition-transform group-open:rotate-90" aria-hidden />
          <SeverityBadge severity={finding.severity} />
          <span className="min-w-0 flex-1">
            <span className="font-medium">{finding.message || finding.title}</span>
            {finding.suppressed ? <FindingMark icon={EyeOff} label="suppressed" /> : null}
            {fix ? (
              <FindingMark icon={WandSparkles} label="fix ready" tone="text-emerald-800 dark:text-emerald-300" />
            ) : null}
            {pending ? (
              <FindingMark icon={Clock} label="suppression pending" tone="text-amber-800 dark:text-amber-300" />
            ) : null}
            {located.length > 0 ? (
              <span className="block truncate font-mono text-xs text-neutral-600 dark:text-neutral-400">
                {located.map((evidence) => `${evidence.file}:${evidence.line}`).join(" · ")}
              </span>
            ) : null}
          </span>
        </summary>
        <div className="space-y-2 px-4 pb-3 pl-10 text-sm">
          {finding.suppressed ? (
            <p>
              <span className="font-medium">Suppressed:</span> {finding.suppressionReason || "no reason given"}
            </p>
          ) : null}
          {finding.evidence.length > 0 ? (
            <ul className="space-y-0.5 text-xs">
              {finding.evidence.map((evidence) => (
                <li key={`${evidence.file}:${evidence.line}:${evidence.value}`} className="flex flex-wrap gap-x-2">
                  {evidence.environment ? (
                    <span className="w-12 text-neutral-600 dark:text-neutral-400">{evidence.environment}</span>
                  ) : null}
                  <span className="font-mono">{evidence.value}</span>
                  {evidence.file ? (
                    <a
                      href={githubBlobUrl(
                        { githubUrl, fullName: report.repository },
                        report.commit,
                        evidence.file,
                        evidence.line,
                      )}
                      target="_blank"
                      rel="noreferrer"
                      className="font-mono text-neutral-600 underline underline-offset-2 dark:text-neutral-400"
                    >
                      {evidence.file}
                      {evidence.line > 0 ? `:${evidence.line}` : ""}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {text?.rationale ? (
            <p>
              <span className="font-medium">Why it bites:</span> {text.rationale}
            </p>
          ) : null}
          {text?.remediation ? (
            <p>
              <span className="font-medium">How to fix:</span> {text.remediation}
            </p>
          ) : null}
          {fix && fixBefore && fixTarget ? <FixOffer fix={fix} before={fixBefore} target={fixTarget} /> : null}
          <p className="text-xs text-neutral-500 dark:text-neutral-400">
            check <code className="font-mono">{finding.check}</code> · fingerprint{" "}
            <code className="font-mono">{finding.fingerprint.slice(0, 12)}</code>
          </p>
          {repository && !finding.suppressed ? (
            <SuppressFinding
              owner={repository.owner}
              name={repository.name}
              fingerprint={finding.fingerprint}
              pending={pending}
              pullRequestsOffered={pullRequestsOffered}
            />
          ) : null}
        </div>
      </details>
    </li>
  );
}
