/**
 * CSRF for API mutations: a browser always sends `Origin` (and `Sec-Fetch-Site`) with a POST, so a
 * request another site's page made is recognised and refused. Requests with neither header come
 * from non-browser clients (curl, scripts), which carry no ambient cookies to abuse. Server actions
 * also get Next's own origin check.
 */

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function crossSiteReason(method: string, headers: Headers, allowedOrigins: readonly string[]): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return `Sec-Fetch-Site is ${fetchSite}`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  if (origin === "null") return "Origin is null";
  return allowedOrigins.includes(origin.toLowerCase()) ? null : `Origin ${origin} is not this site`;
}

/** This site's origins: the configured public URL, and the origin the request was addressed to. */
export function siteOrigins(requestUrl: string, headers: Headers, publicUrl: string | null): string[] {
  const origins = new Set<string>();
  if (publicUrl) origins.add(new URL(publicUrl).origin.toLowerCase());
  const host = headers.get("host");
  if (host) {
    const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(requestUrl).protocol.slice(0, -1);
    origins.add(`${proto}://${host}`.toLowerCase());
  }
  origins.add(new URL(requestUrl).origin.toLowerCase());
  return [...origins];
}
