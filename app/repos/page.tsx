import type { Metadata } from "next";
import { connection } from "next/server";
import { AddRepositoryLink } from "@/components/add-repository-link";
import { EmptyState } from "@/components/empty-state";
import { RepositoryOverviewTable } from "@/components/overview/repository-overview-table";
import { requireViewer, visibleToViewer } from "@/lib/auth/page";
import { getDatabase } from "@/lib/db/client";
import { cachedRepositorySummaries } from "@/lib/db/queries/dashboard-cache";

export const metadata: Metadata = { title: "Repositories" };

export default async function RepositoriesPage() {
  await connection();
  const now = new Date();
  const viewer = await requireViewer();
  const rows = await visibleToViewer(viewer, await cachedRepositorySummaries(await getDatabase(), { now }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Repositories</h1>
        {rows.length > 0 ? <AddRepositoryLink /> : null}
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No repositories yet" action={<AddRepositoryLink />}>
          <p>Add a repository by its owner/name or GitHub URL; Parity audits it and keeps every audit for trends.</p>
        </EmptyState>
      ) : (
        <RepositoryOverviewTable rows={rows} now={now.toISOString()} />
      )}
    </div>
  );
}
