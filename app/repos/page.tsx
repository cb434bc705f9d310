import type { Metadata } from "next";
import { connection } from "next/server";
import { AddRepositoryLink } from "@/components/add-repository-link";
import { EmptyState } from "@/components/empty-state";
import { getDatabase } from "@/lib/db/client";
import { listRepositories } from "@/lib/db/queries/repositories";

export const metadata: Metadata = { title: "Repositories" };

export default async function RepositoriesPage() {
  await connection();
  const repositories = await listRepositories(await getDatabase());

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Repositories</h1>
        {repositories.length > 0 ? <AddRepositoryLink /> : null}
      </div>
      {repositories.length === 0 ? (
        <EmptyState title="No repositories yet" action={<AddRepositoryLink />}>
          <p>Add a repository by its owner/name or GitHub URL; Parity audits it and keeps every audit for trends.</p>
        </EmptyState>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
          {repositories.map((repo) => (
            <li key={repo.id} className="flex items-center justify-between px-4 py-3 text-sm">
              <span className="font-medium">{repo.fullName}</span>
              <span className="text-neutral-500">not audited yet</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
