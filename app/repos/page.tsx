import type { Metadata } from "next";
import { connection } from "next/server";
import { AddRepositoryLink } from "@/components/add-repository-link";
import { EmptyState } from "@/components/empty-state";
import { queryFromSearchParams, type SearchParams } from "@/components/overview/overview-url";
import { RepositoryOverviewTable } from "@/components/overview/repository-overview-table";
import { requireViewer, visibleRepositoryIds } from "@/lib/auth/page";
import { getDatabase } from "@/lib/db/client";
import { cachedOverviewPage } from "@/lib/db/queries/overview-cache";

export const metadata: Metadata = { title: "Repositories" };

export default async function RepositoriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const now = new Date();
  const viewer = await requireViewer();
  const query = queryFromSearchParams(await searchParams);
  const ids = await visibleRepositoryIds(viewer);
  const { page, summary } = await cachedOverviewPage(await getDatabase(), query, { now, ...(ids ? { ids } : {}) });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Repositories</h1>
        {summary.count > 0 ? <AddRepositoryLink /> : null}
      </div>
      {summary.count === 0 ? (
        <EmptyState title="No repositories yet" action={<AddRepositoryLink />}>
          <p>Add a repository by its owner/name or GitHub URL; Parity audits it and keeps every audit for trends.</p>
        </EmptyState>
      ) : (
        <RepositoryOverviewTable page={page} query={query} now={now.toISOString()} />
      )}
    </div>
  );
}
