import type { Database } from "../db/client";
import { deleteSession, findLiveSession, forgetAccess, insertSession } from "../db/queries/auth";
import { decrypt, encrypt, randomToken, sha256Hex, sign, verify } from "./crypto";

/**
 * Sessions: the cookie holds a random token signed with the session secret; the database holds
 * the token's SHA-256 (never the token) and the user's GitHub token encrypted. A cookie whose
 * signature does not verify is rejected before the database is asked.
 */

export { SESSION_COOKIE } from "./constants";
/** A working day: the user signs in again after it, and GitHub is asked about them afresh. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export interface Session {
  id: string;
  githubUserId: number;
  login: string;
  /** The user's GitHub token, decrypted for this request only. */
  token: string;
  expiresAt: Date;
}

export interface SignedInUser {
  githubUserId: number;
  login: string;
  token: string;
}

/** Creates the session and returns the cookie value. */
export async function startSession(db: Database, secret: string, user: SignedInUser, now: Date): Promise<string> {
  const token = randomToken();
  await forgetAccess(db, user.githubUserId);
  await insertSession(
    db,
    {
      id: sha256Hex(token),
      githubUserId: user.githubUserId,
      login: user.login,
      tokenCiphertext: encrypt(user.token, secret),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    },
    now,
  );
  return sign(token, secret);
}

/** The live session behind a cookie value, or null (absent, tampered, expired, signed out). */
export async function readSession(
  db: Database,
  secret: string,
  cookie: string | undefined | null,
  now: Date,
): Promise<Session | null> {
  const token = verify(cookie, secret);
  if (!token) return null;
  const row = await findLiveSession(db, sha256Hex(token), now);
  if (!row) return null;
  const githubToken = decrypt(row.tokenCiphertext, secret);
  if (!githubToken) return null;
  return { id: row.id, githubUserId: row.githubUserId, login: row.login, token: githubToken, expiresAt: row.expiresAt };
}

export async function endSession(db: Database, secret: string, cookie: string | undefined | null): Promise<void> {
  const token = verify(cookie, secret);
  if (token) await deleteSession(db, sha256Hex(token));
}

/** httpOnly, SameSite=Lax (the OAuth redirect back is a top-level GET), Secure over https. */
export function sessionCookieOptions(secure: boolean, maxAgeSeconds = SESSION_TTL_MS / 1000) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge: maxAgeSeconds };
}

/** One cookie from a `Cookie` header, for code that has a Request rather than next/headers. */
export function cookieFrom(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Whether the browser reached us over https (directly, through a proxy, or by configuration). */
export function isSecureRequest(request: Request, publicUrl: string | null): boolean {
  if (publicUrl) return publicUrl.startsWith("https://");
  if (new URL(request.url).protocol === "https:") return true;
  return request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
