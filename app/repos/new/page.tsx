import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/page";
import { parseRepositoryName } from "@/lib/repos/repository-name";
import { AddRepositoryForm } from "./add-repository-form";

export const metadata: Metadata = { title: "Add repository" };

export default async function AddRepositoryPage({
  searchParams,
}: {
  searchParams: Promise<{ repository?: string | string[] }>;
}) {
  await requireViewer();
  // `?repository=owner/name` (the 404 page's "Add it") fills the form in; anything else is ignored.
  const { repository } = await searchParams;
  const named = typeof repository === "string" ? parseRepositoryName(repository) : null;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Add repository</h1>
      <AddRepositoryForm initial={named?.ok ? `${named.value.owner}/${named.value.name}` : ""} />
    </div>
  );
}
