import { AppError } from "../errors/index";
import { pkcePair, randomToken, sign, verify } from "./crypto";

/**
 * GitHub's OAuth web flow, by hand: it is three requests, and a library would have to be taught
 * the configurable GitHub host (GHES, the double) anyway. `state` ties the callback to the browser
 * that started it (a signed, short-lived cookie); PKCE (S256) ties the code to this server.
 * Works with a GitHub App's client id (user-to-server tokens, limited to the App's installations:
 * recommended) or an OAuth App's.
 */

export { OAUTH_COOKIE } from "./constants";
export const OAUTH_TTL_MS = 10 * 60 * 1000;

export interface PendingSignIn {
  state: string;
  verifier: string;
  /** Where to go after signing in: a path on this site. */
  next: string;
  expiresAt: number;
}

/** A path on this site, or "/": never `//evil.example` or an absolute URL (open redirect). */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith("/signin") || next.startsWith("/api/auth")) return "/";
  return next;
}

export function beginSignIn(options: {
  oauthUrl: string;
  clientId: string;
  redirectUri: string;
  secret: string;
  next: string | null;
  now: number;
}): { location: string; cookie: string } {
  const { verifier, challenge } = pkcePair();
  const pending: PendingSignIn = {
    state: randomToken(24),
    verifier,
    next: safeNext(options.next),
    expiresAt: options.now + OAUTH_TTL_MS,
  };
  const url = new URL("/login/oauth/authorize", `${options.oauthUrl}/`);
  url.searchParams.set("client_id", options.clientId);
  url.searchParams.set("redirect_uri", options.redirectUri);
  url.searchParams.set("state", pending.state);
  url.searchParams.set("code_challenge", challenge);
  url.searchParams.set("code_challenge_method", "S256");
  url.searchParams.set("allow_signup", "false");
  const cookie = sign(Buffer.from(JSON.stringify(pending)).toString("base64url"), options.secret, "oauth-state");
  return { location: url.toString(), cookie };
}

/** The pending sign-in when the cookie is ours, unexpired and its state matches the callback's. */
export function checkCallback(options: {
  cookie: string | undefined;
  state: string | null;
  secret: string;
  now: number;
}): PendingSignIn | null {
  const value = verify(options.cookie, options.secret, "oauth-state");
  if (!value || !options.state) return null;
  try {
    const pending = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as PendingSignIn;
    if (pending.state !== options.state || pending.expiresAt < options.now) return null;
    return pending;
  } catch {
    return null;
  }
}

type Fetch = typeof fetch;

/** Trades the code for the user's token. The token is returned, never logged. */
export async function exchangeCode(options: {
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
  verifier: string;
  fetch?: Fetch;
}): Promise<string> {
  const doFetch = options.fetch ?? fetch;
  const body = new URLSearchParams({
    client_id: options.clientId,
    client_secret: options.clientSecret,
    code: options.code,
    redirect_uri: options.redirectUri,
    code_verifier: options.verifier,
  });
  let response: Response;
  try {
    response = await doFetch(`${options.oauthUrl}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new AppError("upstream", "GitHub could not be reached to finish signing in.", { cause: error });
  }
  const json = (await response.json().catch(() => null)) as { access_token?: unknown; error?: unknown } | null;
  if (!response.ok || typeof json?.access_token !== "string") {
    // GitHub answers 200 with { error: "bad_verification_code" } for a used or expired code.
    const reason = typeof json?.error === "string" ? json.error : `HTTP ${response.status}`;
    throw new AppError("forbidden", `GitHub refused the sign-in (${reason}). Try signing in again.`);
  }
  return json.access_token;
}

export interface GitHubUser {
  id: number;
  login: string;
}

export async function fetchUser(apiUrl: string, token: string, doFetch: Fetch = fetch): Promise<GitHubUser> {
  const response = await doFetch(`${apiUrl}/user`, {
    headers: { accept: "application/vnd.github+json", authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(15_000),
  }).catch((error: unknown) => {
    throw new AppError("upstream", "GitHub could not be reached to finish signing in.", { cause: error });
  });
  const json = (await response.json().catch(() => null)) as { id?: unknown; login?: unknown } | null;
  if (!response.ok || typeof json?.id !== "number" || typeof json.login !== "string") {
    throw new AppError("forbidden", `GitHub did not say who signed in (HTTP ${response.status}).`);
  }
  return { id: json.id, login: json.login };
}
