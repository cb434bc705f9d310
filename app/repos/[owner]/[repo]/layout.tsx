import type { ReactNode } from "react";
import { requireRepositoryAccess } from "@/lib/auth/page";

/**
 * Every page of a repository checks access here, above loading.tsx's Suspense boundary, so a
 * repository the viewer may not see answers a real 404 status (a page inside the boundary would
 * already have streamed a 200).
 */
export default async function RepositoryLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ owner: string; repo: string }>;
}) {
  const { owner, repo } = await params;
  await requireRepositoryAccess(owner, repo);
  return children;
}
