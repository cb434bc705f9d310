import type { Database } from "../db/client";
import { checkRepositoryAccess, filterVisible } from "./access";
import { authSettings } from "./config";
import { readSession, type Session } from "./session";

/**
 * Who is looking: in local mode everyone on the loopback address sees everything; in team mode a
 * signed-in GitHub user sees what GitHub lets them see. `null` is a signed-out visitor in team mode.
 */
export type Viewer = { mode: "local" } | { mode: "team"; session: Session };

export async function viewerFromCookie(db: Database, cookie: string | undefined, now: Date): Promise<Viewer | null> {
  const settings = authSettings();
  if (settings.mode === "local") return { mode: "local" };
  const session = await readSession(db, settings.sessionSecret, cookie, now);
  return session ? { mode: "team", session } : null;
}

export async function viewerCanSee(
  db: Database,
  viewer: Viewer,
  owner: string,
  name: string,
  now: Date,
): Promise<boolean> {
  if (viewer.mode === "local") return true;
  const who = { githubUserId: viewer.session.githubUserId, token: viewer.session.token };
  const access = await checkRepositoryAccess({ db, apiUrl: authSettings().apiUrl, now }, who, owner, name);
  return access.visible;
}

/** The rows whose repositories the viewer may see, order kept. */
export async function onlyVisible<T extends { owner: string; name: string }>(
  db: Database,
  viewer: Viewer,
  rows: readonly T[],
  now: Date,
): Promise<T[]> {
  if (viewer.mode === "local") return [...rows];
  const who = { githubUserId: viewer.session.githubUserId, token: viewer.session.token };
  return filterVisible({ db, apiUrl: authSettings().apiUrl, now }, who, rows);
}
