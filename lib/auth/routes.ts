import { NextResponse } from "next/server";
import { getDatabase } from "../db/client";
import { deleteExpiredSessions } from "../db/queries/auth";
import { toAppError } from "../errors/index";
import { authSettings } from "./config";
import { OAUTH_COOKIE, SESSION_COOKIE } from "./constants";
import { beginSignIn, checkCallback, exchangeCode, fetchUser, OAUTH_TTL_MS } from "./oauth";
import { cookieFrom, endSession, isSecureRequest, sessionCookieOptions, startSession } from "./session";

/** The three sign-in routes under app/api/auth: start, GitHub's callback, sign-out. */

/**
 * This site's origin as the browser addressed it: PARITY_PUBLIC_URL, else the Host header (Next's
 * `request.url` says "localhost" even when the browser used 127.0.0.1, and the OAuth cookie is
 * per host). GitHub only redirects to the registered callback, so a forged Host gains nothing.
 */
function siteUrl(request: Request): string {
  const configured = authSettings().publicUrl;
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.slice(0, -1);
  return host ? `${proto}://${host}` : url.origin;
}

function redirectUri(request: Request): string {
  return `${siteUrl(request)}/api/auth/callback`;
}

function toSignIn(request: Request, error?: string): NextResponse {
  const url = new URL("/signin", siteUrl(request));
  if (error) url.searchParams.set("error", error);
  return NextResponse.redirect(url, 303);
}

/** `GET /api/auth/signin?next=/path`: to GitHub, with state and PKCE kept in a 10-minute cookie. */
export function signIn(request: Request): NextResponse {
  const settings = authSettings();
  if (settings.mode === "local") return NextResponse.redirect(new URL("/", siteUrl(request)), 303);
  const started = beginSignIn({
    oauthUrl: settings.oauthUrl,
    clientId: settings.clientId,
    redirectUri: redirectUri(request),
    secret: settings.sessionSecret,
    next: new URL(request.url).searchParams.get("next"),
    now: Date.now(),
  });
  const response = NextResponse.redirect(started.location, 303);
  response.cookies.set(OAUTH_COOKIE, started.cookie, {
    ...sessionCookieOptions(isSecureRequest(request, settings.publicUrl), OAUTH_TTL_MS / 1000),
    path: "/api/auth",
  });
  return response;
}

/** `GET /api/auth/callback?code&state`: checks state, trades the code (PKCE), starts the session. */
export async function callback(request: Request): Promise<NextResponse> {
  const settings = authSettings();
  if (settings.mode === "local") return NextResponse.redirect(new URL("/", siteUrl(request)), 303);
  const params = new URL(request.url).searchParams;
  const pending = checkCallback({
    cookie: cookieFrom(request.headers.get("cookie"), OAUTH_COOKIE),
    state: params.get("state"),
    secret: settings.sessionSecret,
    now: Date.now(),
  });
  const code = params.get("code");
  if (!pending || !code) return toSignIn(request, params.get("error") ? "denied" : "state");
  try {
    const token = await exchangeCode({
      oauthUrl: settings.oauthUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      code,
      redirectUri: redirectUri(request),
      verifier: pending.verifier,
    });
    const user = await fetchUser(settings.apiUrl, token);
    const db = await getDatabase();
    const now = new Date();
    await deleteExpiredSessions(db, now);
    const cookie = await startSession(
      db,
      settings.sessionSecret,
      { githubUserId: user.id, login: user.login, token },
      now,
    );
    const response = NextResponse.redirect(new URL(pending.next, siteUrl(request)), 303);
    response.cookies.set(SESSION_COOKIE, cookie, sessionCookieOptions(isSecureRequest(request, settings.publicUrl)));
    response.cookies.set(OAUTH_COOKIE, "", { path: "/api/auth", maxAge: 0 });
    return response;
  } catch (error) {
    const appError = toAppError(error);
    // The message is safe to log (no token in it); the cause may hold GitHub's answer, not ours to print.
    console.error(`[auth] sign-in failed: ${appError.code}: ${appError.message}`);
    return toSignIn(request, appError.code === "upstream" ? "upstream" : "github");
  }
}

/** `POST /api/auth/signout` (a form; the proxy's origin check guards it): ends the session. */
export async function signOut(request: Request): Promise<NextResponse> {
  const settings = authSettings();
  if (settings.mode === "team") {
    await endSession(
      await getDatabase(),
      settings.sessionSecret,
      cookieFrom(request.headers.get("cookie"), SESSION_COOKIE),
    );
  }
  const response = toSignIn(request);
  response.cookies.set(SESSION_COOKIE, "", {
    ...sessionCookieOptions(isSecureRequest(request, settings.publicUrl), 0),
  });
  return response;
}
