import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { LOCAL_ADDRESS_HEADER, PEER_ADDRESS_HEADER } from "@/lib/security/client-address";
import { RATE_LIMITS } from "@/lib/security/rate-limit";
import { proxy } from "@/proxy";

/** The proxy's rate limits, keyed by the socket's address (PARITY_TRUSTED_PROXIES is not set here). */

function get(path: string, peer: string, forwardedFor: string): NextRequest {
  return new NextRequest(`http://127.0.0.1:3000${path}`, {
    headers: {
      host: "127.0.0.1:3000",
      [PEER_ADDRESS_HEADER]: peer,
      [LOCAL_ADDRESS_HEADER]: "127.0.0.1",
      "x-forwarded-for": forwardedFor,
    },
  });
}

describe("rate limits cannot be dodged with X-Forwarded-For", () => {
  it.each([
    ["/api/repos", RATE_LIMITS.api.limit],
    ["/api/auth/signin", RATE_LIMITS.auth.limit],
  ])("%s refuses request %i + 1 from one socket address, whatever it forwards", (path, limit) => {
    const peer = path === "/api/repos" ? "127.0.0.2" : "127.0.0.3";
    const statuses = Array.from({ length: limit + 50 }, (_, i) => {
      const forwarded = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      return proxy(get(path, peer, forwarded)).status;
    });
    expect(statuses.slice(0, limit).every((status) => status !== 429)).toBe(true);
    expect(statuses.slice(limit).every((status) => status === 429)).toBe(true);
    // Another client (another socket) is not held back by the first one's spending.
    expect(proxy(get(path, "127.0.0.4", "1.2.3.4")).status).not.toBe(429);
  });
});
