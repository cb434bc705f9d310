import type { Metadata } from "next";
import { connection } from "next/server";
import { AddRepositoryLink } from "@/components/add-repository-link";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { OrganisationTrends, SummaryLine } from "@/components/overview/overview-sections";
import { queryFromSearchParams, type SearchParams } from "@/components/overview/overview-url";
import { RepositoryOverviewTable } from "@/components/overview/repository-overview-table";
import { requireViewer, visibleRepositoryIds } from "@/lib/auth/page";
import { getDatabase } from "@/lib/db/client";
import { cachedOverviewPage } from "@/lib/db/queries/overview-cache";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Reads the database at request time: never prerendered, so `next build` never opens it.
  await connection();
  const db = await getDatabase();
  const now = new Date();
  const viewer = await requireViewer();
  // The view (search, filters, sort, page) lives in the URL: shareable, and it survives a reload.
  const query = queryFromSearchParams(await searchParams);
  // One page of rows, the summary and the trend, read in the database (docs/development.md);
  // team mode narrows all three to what GitHub lets this viewer see.
  const ids = await visibleRepositoryIds(viewer);
  const { page, summary, weeks } = await cachedOverviewPage(db, query, { now, ...(ids ? { ids } : {}) });

  if (summary.count === 0) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <EmptyState title="No repositories yet" action={<AddRepositoryLink />}>
          <p>
            Parity reads how each repository runs in development, CI and production (compose files, workflows,
            Kubernetes, platform and framework configs) and shows where they differ: the tools, time and personnel gaps.
          </p>
          <p className="mt-2">Add a repository by its owner/name or GitHub URL to get its scorecard.</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <div className="flex flex-wrap items-center gap-4">
          <ExportLinks href="/api/export/repositories" what="the overview" />
          <AddRepositoryLink />
        </div>
      </div>
      <SummaryLine summary={summary} now={now} />
      <OrganisationTrends weeks={weeks} />
      <RepositoryOverviewTable page={page} query={query} now={now.toISOString()} />
    </div>
  );
}
