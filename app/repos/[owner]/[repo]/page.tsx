import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AuditProgress } from "@/components/audit-progress";
import { EmptyState } from "@/components/empty-state";
import { PullRequests } from "@/components/scorecard/pull-requests";
import { ReauditButton } from "@/components/scorecard/reaudit-button";
import { ScorecardView } from "@/components/scorecard/scorecard-view";
import { requireRepositoryAccess } from "@/lib/auth/page";
import { getDatabase } from "@/lib/db/client";
import { cachedScorecard } from "@/lib/db/queries/dashboard-cache";

interface Params {
  params: Promise<{ owner: string; repo: string }>;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { owner, repo } = await params;
  return { title: `${decodeURIComponent(owner)}/${decodeURIComponent(repo)}` };
}

export default async function ScorecardPage({ params }: Params) {
  await connection();
  const { owner, repo } = await params;
  await requireRepositoryAccess(owner, repo);
  const db = await getDatabase();
  const now = new Date();
  // One query per view: the repository and a version token; the rest is memoised per version
  // (docs/development.md).
  const scorecard = await cachedScorecard(db, decodeURIComponent(owner), decodeURIComponent(repo), { now });
  if (!scorecard) notFound();
  const { repository, latestAudit, activeAudit: active, pullRequests } = scorecard;

  if (!latestAudit) {
    return (
      <div className="space-y-6">
        <h1 className="break-words text-2xl font-semibold tracking-tight">{repository.fullName}</h1>
        {active ? (
          <section
            aria-labelledby="first-audit"
            className="max-w-xl space-y-3 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
          >
            <h2 id="first-audit" className="text-sm font-semibold">
              First audit in progress
            </h2>
            <AuditProgress auditId={active.id} />
            <p className="text-sm text-neutral-600 dark:text-neutral-400">Reload the page when it is done.</p>
          </section>
        ) : (
          <EmptyState
            title="Not audited yet"
            action={<ReauditButton owner={repository.owner} name={repository.name} label="Audit now" />}
          >
            <p>Run the first audit to see this repository&apos;s services across environments and its scores.</p>
          </EmptyState>
        )}
      </div>
    );
  }

  return (
    <>
      <ScorecardView
        repository={repository}
        report={latestAudit.report}
        auditedAt={latestAudit.auditedAt ?? latestAudit.finishedAt}
        history={scorecard.history}
        markers={scorecard.trendMarkers}
        deploys={scorecard.deploys}
        runningAuditId={active?.id ?? null}
        now={now}
      />
      <PullRequests fullName={repository.fullName} audits={pullRequests} />
    </>
  );
}
