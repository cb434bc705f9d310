import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDatabase } from "../db/client";
import { connectedRepositoryNames } from "../db/queries/overview-page";
import { findRepository } from "../db/queries/repositories";
import { repositoryFromPath } from "../repos/repository-name";
import { SESSION_COOKIE } from "./session";
import { onlyVisible, type Viewer, viewerCanSee, viewerFromCookie } from "./viewer";

/**
 * One call at the top of each page: `await requireViewer()`, or `await requireRepositoryAccess(owner,
 * repo)` on a repository's pages. Signed-out visitors go to /signin; a repository the viewer may
 * not see is a 404, exactly like one that does not exist (never a 403 that confirms it exists).
 */

export async function currentViewer(): Promise<Viewer | null> {
  const jar = await cookies();
  return viewerFromCookie(await getDatabase(), jar.get(SESSION_COOKIE)?.value, new Date());
}

export async function requireViewer(): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}

/**
 * A repository page's gate: the path must name a repository as GitHub allows (a NUL byte or a
 * malformed escape is a 404, never a database error), the repository must be connected, and the
 * viewer must see it. All three answer the same 404. Memoised per request (the layout and the page
 * both ask).
 */
export const requireRepositoryAccess = cache(async (owner: string, repo: string): Promise<Viewer> => {
  const viewer = await requireViewer();
  const named = repositoryFromPath(owner, repo);
  if (!named) notFound();
  const db = await getDatabase();
  if (!(await findRepository(db, named))) notFound();
  const visible = await viewerCanSee(db, viewer, named.owner, named.name, new Date());
  if (!visible) notFound();
  return viewer;
});

/** The page's rows the viewer may see (all of them in local mode). */
export async function visibleToViewer<T extends { owner: string; name: string }>(
  viewer: Viewer,
  rows: readonly T[],
): Promise<T[]> {
  return onlyVisible(await getDatabase(), viewer, rows, new Date());
}

/**
 * The ids of the connected repositories this viewer may see, or undefined in local mode (every
 * one): what the overview narrows its SQL to. Team mode asks GitHub per repository (cached).
 */
export async function visibleRepositoryIds(viewer: Viewer): Promise<number[] | undefined> {
  if (viewer.mode === "local") return undefined;
  const db = await getDatabase();
  const visible = await onlyVisible(db, viewer, await connectedRepositoryNames(db), new Date());
  return visible.map((row) => row.id);
}
