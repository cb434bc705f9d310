import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/page";
import { AddRepositoryForm } from "./add-repository-form";

export const metadata: Metadata = { title: "Add repository" };

export default async function AddRepositoryPage() {
  await requireViewer();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Add repository</h1>
      <AddRepositoryForm />
    </div>
  );
}
