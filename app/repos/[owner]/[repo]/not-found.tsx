import Link from "next/link";
import { AddThisRepositoryLink } from "@/components/add-this-repository-link";

export default function RepositoryNotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">Repository not found</h1>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Parity does not know this repository yet. <AddThisRepositoryLink /> to get its scorecard, or go{" "}
        <Link href="/" className="underline underline-offset-4">
          back to the overview
        </Link>
        .
      </p>
    </div>
  );
}
