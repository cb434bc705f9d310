import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { crossSiteReason, siteOrigins } from "./csrf";
import { contentSecurityPolicy, securityHeaders } from "./headers";
import { createRateLimiter } from "./rate-limit";

describe("rate limiter", () => {
  it("allows the limit per window, refuses the next with Retry-After, and resets", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    const results = [0, 1, 2, 3].map((i) => limiter.take("1.2.3.4", 1_000 + i));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfter).toBe(60);
    expect(limiter.take("5.6.7.8", 1_010).ok).toBe(true);
    expect(limiter.take("1.2.3.4", 61_000).ok).toBe(true);
  });

  it("stays bounded in memory", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000 }, 100);
    for (let i = 0; i < 1_000; i += 1) limiter.take(`k${i}`, 0);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});

describe("CSRF origin check", () => {
  const origins = ["http://127.0.0.1:3000"];
  it.each([
    ["GET", { origin: "https://evil.example" }, null],
    ["POST", {}, null],
    ["POST", { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }, null],
    ["POST", { origin: "https://evil.example" }, "Origin https://evil.example is not this site"],
    ["POST", { origin: "null" }, "Origin is null"],
    ["DELETE", { "sec-fetch-site": "cross-site" }, "Sec-Fetch-Site is cross-site"],
    ["POST", { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3000" }, "Sec-Fetch-Site is same-site"],
  ])("%s with %j: %s", (method, headers, expected) => {
    expect(crossSiteReason(method, new Headers(headers), origins)).toBe(expected);
  });

  it("knows the site by its public URL and by the Host it was addressed to", () => {
    const headers = new Headers({ host: "parity.internal:8080", "x-forwarded-proto": "https" });
    expect(siteOrigins("http://localhost:3000/api/repos", headers, "https://parity.example.com/")).toEqual([
      "https://parity.example.com",
      "https://parity.internal:8080",
      "http://localhost:3000",
    ]);
  });
});

describe("security headers", () => {
  it("forbid framing and objects, keep scripts to this origin, and leak no referrer", () => {
    const csp = contentSecurityPolicy({ dev: false });
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain("unsafe-eval");
    const names = Object.fromEntries(securityHeaders({ dev: false }).map((h) => [h.key, h.value]));
    expect(names).toMatchObject({
      "Referrer-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    });
    expect(contentSecurityPolicy({ dev: true })).toContain("'unsafe-eval'");
    // Settings' App manifest form posts to GitHub: exactly that origin joins 'self'.
    expect(contentSecurityPolicy({ dev: false, formActions: ["https://github.com"] })).toContain(
      "form-action 'self' https://github.com;",
    );
  });
});

describe("local mode binds to loopback unless told it is insecure", () => {
  const team = { GITHUB_OAUTH_CLIENT_ID: "id", GITHUB_OAUTH_CLIENT_SECRET: "s", PARITY_SESSION_SECRET: "x".repeat(32) };
  it.each([
    [{}, true],
    [{ HOST: "127.0.0.2" }, true],
    [{ HOST: "::1" }, true],
    [{ HOST: "localhost" }, true],
    [{ HOST: "0.0.0.0" }, false],
    [{ HOST: "192.168.1.10" }, false],
    [{ HOST: "0.0.0.0", PARITY_INSECURE_ALLOW_REMOTE: "1" }, true],
    [{ HOST: "0.0.0.0", ...team }, true],
  ])("%j starts: %s", (source, starts) => {
    if (starts) expect(() => parseEnv(source)).not.toThrow();
    else expect(() => parseEnv(source)).toThrow(/HOST is .* PARITY_INSECURE_ALLOW_REMOTE=1/);
  });

  it("refuses half a sign-in configuration, naming what is missing", () => {
    expect(() => parseEnv({ GITHUB_OAUTH_CLIENT_ID: "id" })).toThrow(
      /GITHUB_OAUTH_CLIENT_SECRET, PARITY_SESSION_SECRET is not set/,
    );
    expect(() => parseEnv({ ...team, PARITY_SESSION_SECRET: "short" })).toThrow(/PARITY_SESSION_SECRET is invalid/);
  });
});
