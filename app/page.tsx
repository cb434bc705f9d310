import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AddRepositoryLink } from "@/components/add-repository-link";
import { EmptyState } from "@/components/empty-state";
import { getDatabase } from "@/lib/db/client";
import { countRepositories } from "@/lib/db/queries/repositories";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  // Reads the database at request time: never prerendered, so `next build` never opens it.
  await connection();
  const db = await getDatabase();
  const repositoryCount = await countRepositories(db);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
      {repositoryCount === 0 ? (
        <EmptyState title="No repositories yet" action={<AddRepositoryLink />}>
          <p>
            Parity reads how each repository runs in development, CI and production (compose files, workflows,
            Kubernetes, platform and framework configs) and shows where they differ: the tools, time and personnel gaps.
          </p>
          <p className="mt-2">Add a repository by its owner/name or GitHub URL to get its scorecard.</p>
        </EmptyState>
      ) : (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {repositoryCount} {repositoryCount === 1 ? "repository" : "repositories"} ·{" "}
          <Link href="/repos" className="underline underline-offset-4">
            see them all
          </Link>
        </p>
      )}
    </div>
  );
}
