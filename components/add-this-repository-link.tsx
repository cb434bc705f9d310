"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { repositoryFromPath } from "@/lib/repos/repository-name";

/**
 * "Add it" on a repository's 404 page, with the repository the address names already in the form
 * (a not-found page gets no route params, so it reads them from the path).
 */
export function AddThisRepositoryLink() {
  const [, , owner = "", name = ""] = usePathname().split("/");
  const named = repositoryFromPath(owner, name);
  const href = named ? `/repos/new?repository=${encodeURIComponent(`${named.owner}/${named.name}`)}` : "/repos/new";
  return (
    <Link href={href} className="underline underline-offset-4">
      Add it
    </Link>
  );
}
