import type { Metadata } from "next";
import { connection } from "next/server";
import { EmptyState } from "@/components/empty-state";
import { FixFirstFiltersForm, FixFirstList } from "@/components/fix-first/fix-first-list";
import { requireViewer, visibleToViewer } from "@/lib/auth/page";
import { getDatabase } from "@/lib/db/client";
import { repositoryGains } from "@/lib/fix-first/load";
import { parseFilters, rankFindings } from "@/lib/fix-first/rank";

export const metadata: Metadata = { title: "Fix these first" };

/** At most this many rows are rendered; the rest are counted (filters narrow the list). */
const SHOWN = 200;

export default async function FixFirstPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const viewer = await requireViewer();
  const filters = parseFilters(await searchParams);
  const repositories = await repositoryGains(await getDatabase(), (rows) => visibleToViewer(viewer, rows));
  const ranked = rankFindings(repositories, filters);
  const anyFindings = repositories.some((repository) => repository.gains.length > 0);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Fix these first</h1>
        <p className="max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
          Every open finding across your repositories, ranked by how much fixing it raises its repository&apos;s score.
          Each gain is the engine&apos;s own scoring run again without that finding (docs/scoring.md): the gap it
          belongs to first (tools, time or people), then the overall score (tools 50%, time 25%, people 25%).
        </p>
      </div>
      {anyFindings ? (
        <>
          <FixFirstFiltersForm filters={filters} />
          <FixFirstList ranked={ranked} limit={SHOWN} />
        </>
      ) : (
        <EmptyState title="Nothing to fix">
          <p>No repository you can see has an open finding (or none has finished an audit yet).</p>
        </EmptyState>
      )}
    </div>
  );
}
