import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AuditProgress } from "@/components/audit-progress";
import { EmptyState } from "@/components/empty-state";
import { DisconnectButton } from "@/components/scorecard/disconnect-button";
import { PullRequests } from "@/components/scorecard/pull-requests";
import { ReauditButton } from "@/components/scorecard/reaudit-button";
import { ScorecardView } from "@/components/scorecard/scorecard-view";
import { fixPullRequestsWritable } from "@/lib/auth/fix-pull-requests";
import { requireRepositoryAccess } from "@/lib/auth/page";
import { getDatabase } from "@/lib/db/client";
import { getAudit } from "@/lib/db/queries/audits";
import { cachedScorecard } from "@/lib/db/queries/dashboard-cache";
import { env, githubWebUrl } from "@/lib/env";
import { repositoryFromPath } from "@/lib/repos/repository-name";
import { pendingSuppressionsOf, pullRequestsOffered } from "@/lib/suppressions/pending";

interface Params {
  params: Promise<{ owner: string; repo: string }>;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { owner, repo } = await params;
  // The layout answers 404 for a path that names no repository; the title must not throw first.
  const named = repositoryFromPath(owner, repo);
  return { title: named ? `${named.owner}/${named.name}` : "Repository not found" };
}

export default async function ScorecardPage({ params }: Params) {
  await connection();
  const { owner, repo } = await params;
  const viewer = await requireRepositoryAccess(owner, repo);
  const db = await getDatabase();
  const now = new Date();
  const githubUrl = githubWebUrl(env());
  // One query per view: the repository and a version token; the rest is memoised per version
  // (docs/development.md).
  const scorecard = await cachedScorecard(db, decodeURIComponent(owner), decodeURIComponent(repo), { now });
  if (!scorecard) notFound();
  const { repository, latestAudit, activeAudit: active, pullRequests } = scorecard;
  // The newest audit failed when it is not the newest that succeeded: say why (one read, only then).
  const lastAudit =
    repository.lastAuditId !== null && repository.lastAuditId !== repository.latestAuditId && !active
      ? await getAudit(db, repository.lastAuditId)
      : null;
  const failure = lastAudit?.status === "failed" ? (lastAudit.error ?? "The audit failed.") : null;

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
            title={failure ? "The first audit failed" : "Not audited yet"}
            action={
              <ReauditButton
                owner={repository.owner}
                name={repository.name}
                label={failure ? "Audit again" : "Audit now"}
              />
            }
          >
            {failure ? (
              <p role="alert">The latest audit failed: {failure}</p>
            ) : (
              <p>Run the first audit to see this repository&apos;s services across environments and its scores.</p>
            )}
          </EmptyState>
        )}
        <DisconnectButton owner={repository.owner} name={repository.name} />
      </div>
    );
  }

  const appInstalled = await pullRequestsOffered(db, repository.fullName);
  return (
    <>
      {failure ? (
        <p
          role="alert"
          className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          The latest audit failed: {failure} The scores below are from the audit before it.
        </p>
      ) : null}
      <ScorecardView
        repository={repository}
        report={latestAudit.report}
        githubUrl={githubUrl}
        auditedAt={latestAudit.auditedAt ?? latestAudit.finishedAt}
        windowStart={scorecard.windowStart}
        history={scorecard.history}
        markers={scorecard.trendMarkers}
        deploys={scorecard.deploys}
        runningAuditId={active?.id ?? null}
        pendingSuppressions={await pendingSuppressionsOf(db, repository.id, latestAudit.report.findings)}
        pullRequestsOffered={appInstalled}
        fixes={latestAudit.fixes}
        fixesWritable={fixPullRequestsWritable(viewer, appInstalled)}
        now={now}
      />
      <PullRequests fullName={repository.fullName} githubUrl={githubUrl} audits={pullRequests} />
      <div className="mt-8">
        <DisconnectButton owner={repository.owner} name={repository.name} />
      </div>
    </>
  );
}
