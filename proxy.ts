import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE } from "./lib/auth/constants";
import { verify } from "./lib/auth/crypto";
import { authMode, env, githubWebUrl } from "./lib/env";
import { AppError, errorBody, errorHeaders, errorStatus } from "./lib/errors/index";
import { clientAddress, processTrustedProxies } from "./lib/security/client-address";
import { crossSiteReason, siteOrigins } from "./lib/security/csrf";
import { CSP_HEADER, contentSecurityPolicy, HSTS } from "./lib/security/headers";
import { localModeRefusal } from "./lib/security/local-access";
import { processLimiters } from "./lib/security/rate-limit";

/**
 * Runs before every page and API route (Next 16's proxy, Node.js runtime). In order:
 * 1. local mode answers only connections from this machine (the socket's addresses are loopback)
 *    addressed to a loopback name (DNS rebinding cannot reach it);
 * 2. rate limits: sign-in and the API, per client address;
 * 3. CSRF: API and form mutations must come from this site;
 * 4. team mode: no validly signed session cookie sends pages to /signin and the API to 401.
 * The session itself (expiry, sign-out) and repository access are checked by each page and route
 * (lib/auth/page.ts, lib/auth/api.ts); this is the cheap first gate, not the only one.
 */

const WEBHOOKS = "/api/github/webhooks";
const PUBLIC_IN_TEAM_MODE = ["/signin", "/api/auth/", "/api/badge/", WEBHOOKS];

/** The API's error body and status (lib/errors), as the NextResponse a proxy answers with. */
function errorAnswer(error: AppError, retryAfterSeconds?: number): NextResponse {
  return NextResponse.json(errorBody(error), {
    status: errorStatus(error.code),
    headers: errorHeaders(error, retryAfterSeconds),
  });
}

export function proxy(request: NextRequest): NextResponse {
  const settings = env();
  const mode = authMode(settings);
  const path = request.nextUrl.pathname;
  const isApi = path.startsWith("/api/");

  // A malformed %-escape names nothing; Next would answer its own 500 when decoding route params.
  if (!decodablePath(path)) return errorAnswer(new AppError("bad_request", "The address has a malformed %-escape."));

  const refusal = localModeRefusal(settings, request.headers);
  if (refusal) return errorAnswer(refusal);

  // Page views are not limited: the router prefetches every link, and signed-out prefetches all
  // redirect to /signin. Sign-in itself (/api/auth/*) and the API are.
  if (isApi && path !== WEBHOOKS) {
    const bucket = path.startsWith("/api/auth/") ? "auth" : "api";
    const client = clientAddress(request.headers, processTrustedProxies(settings.PARITY_TRUSTED_PROXIES));
    const verdict = processLimiters()[bucket].take(client, Date.now());
    if (!verdict.ok) {
      return errorAnswer(
        new AppError("rate_limited", "Too many requests; wait a minute and try again."),
        verdict.retryAfter,
      );
    }
  }

  if (path !== WEBHOOKS) {
    const origins = siteOrigins(request.url, request.headers, settings.PARITY_PUBLIC_URL ?? null);
    const reason = crossSiteReason(request.method, request.headers, origins);
    if (reason) return errorAnswer(new AppError("forbidden", "Cross-site requests are refused."));
  }

  if (mode === "team" && !PUBLIC_IN_TEAM_MODE.some((prefix) => path === prefix || path.startsWith(prefix))) {
    const cookie = request.cookies.get(SESSION_COOKIE)?.value;
    if (!verify(cookie, settings.PARITY_SESSION_SECRET ?? "")) {
      const response = isApi
        ? errorAnswer(new AppError("unauthorized", "Sign in to Parity with GitHub first."))
        : NextResponse.redirect(signInUrl(request));
      // A cookie that fails its signature was tampered with or made with another secret: drop it.
      if (cookie !== undefined) response.cookies.delete(SESSION_COOKIE);
      return response;
    }
  }

  const response = NextResponse.next();
  // The policy of every page, with the one origin its forms may post to besides this site: GitHub's
  // web origin (the manifest form in Settings). It depends on the environment, so it is set here
  // per request; next.config.ts's static policy stays on the assets the proxy skips.
  response.headers.set(
    CSP_HEADER,
    contentSecurityPolicy({ dev: settings.NODE_ENV === "development", formActions: [githubWebOrigin(settings)] }),
  );
  const proto = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.slice(0, -1);
  if (proto === "https") response.headers.set("strict-transport-security", HSTS);
  return response;
}

function decodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function githubWebOrigin(settings: ReturnType<typeof env>): string {
  return new URL(githubWebUrl(settings)).origin;
}

function signInUrl(request: NextRequest): URL {
  // The host the browser used (nextUrl may say "localhost" for 127.0.0.1): cookies are per host.
  const host = request.headers.get("host");
  const url = new URL("/signin", host ? `${request.nextUrl.protocol}//${host}` : request.nextUrl.origin);
  const next = request.nextUrl.pathname + request.nextUrl.search;
  if (next !== "/") url.searchParams.set("next", next);
  return url;
}

export const config = {
  // Static assets carry no data: they skip the proxy (they still get next.config.ts's headers).
  // The webhook route skips it too: Next would buffer its body (up to 5 MB) for the proxy before
  // the route's own cap; the route applies local mode's check itself (lib/security/local-access.ts)
  // and needs no other (signed, public, not rate limited, no CSRF).
  // public/'s files (robots.txt, the web manifest, the social preview) are static assets too.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt$|manifest.webmanifest$|social-preview.png$|api/github/webhooks$).*)",
  ],
};
