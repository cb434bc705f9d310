import type { Metadata } from "next";
import { connection } from "next/server";
import { AddRepositoryLink } from "@/components/add-repository-link";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { OrganisationTrends, SummaryLine } from "@/components/overview/overview-sections";
import { RepositoryOverviewTable } from "@/components/overview/repository-overview-table";
import { requireViewer, visibleToViewer } from "@/lib/auth/page";
import { getDatabase } from "@/lib/db/client";
import { organisationTrendOf } from "@/lib/db/queries/auth";
import { cachedOverview } from "@/lib/db/queries/dashboard-cache";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  // Reads the database at request time: never prerendered, so `next build` never opens it.
  await connection();
  const db = await getDatabase();
  const now = new Date();
  const viewer = await requireViewer();
  // Memoised per version of the data (one cheap query when nothing changed): docs/development.md.
  const { summaries: all, weeks: allWeeks } = await cachedOverview(db, { now });
  // Team mode: only what GitHub lets this viewer see, in the list and in the averages. Local mode
  // keeps the memoised array itself, so its summary and first page are computed once per version.
  const rows = viewer.mode === "local" ? all : await visibleToViewer(viewer, all);
  const weeks =
    viewer.mode === "local"
      ? allWeeks
      : await organisationTrendOf(
          db,
          rows.map((row) => row.id),
          26,
          now,
        );

  if (rows.length === 0) {
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
      <SummaryLine rows={rows} now={now} />
      <OrganisationTrends weeks={weeks} />
      <RepositoryOverviewTable rows={rows} now={now.toISOString()} />
    </div>
  );
}
