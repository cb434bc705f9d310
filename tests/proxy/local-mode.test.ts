import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { LOCAL_ADDRESS_HEADER, PEER_ADDRESS_HEADER } from "@/lib/security/client-address";
import { hostName } from "@/lib/security/local-access";
import { proxy } from "@/proxy";

/**
 * Local mode (no sign-in; these tests run without GITHUB_OAUTH_*) shows every repository, so it
 * must answer only this machine, decided by the socket, not by the Host header a client writes.
 */

function request(host: string, peer: string | null, local: string | null = peer): NextRequest {
  const headers: Record<string, string> = { host };
  if (peer !== null) headers[PEER_ADDRESS_HEADER] = peer;
  if (local !== null) headers[LOCAL_ADDRESS_HEADER] = local;
  return new NextRequest("http://127.0.0.1:3000/repos/acme/secret", { headers });
}

describe("local mode answers this machine only", () => {
  it.each([
    ["127.0.0.1:3000", "127.0.0.1", "127.0.0.1"],
    ["localhost:3000", "::1", "::1"],
    ["[::1]:3000", "::1", "::1"],
    ["127.0.0.1:3000", "::ffff:127.0.0.1", "::ffff:127.0.0.1"],
  ])("Host %s from %s to %s is served", (host, peer, local) => {
    expect(proxy(request(host, peer, local)).status).toBe(200);
  });

  it.each([
    // `next start -H 0.0.0.0`: another machine on the network writes a loopback Host.
    ["127.0.0.1", "192.168.1.20", "192.168.1.5"],
    ["127.0.0.1:3000", "10.0.0.7", "10.0.0.2"],
    ["localhost", "2001:db8::7", "2001:db8::1"],
    // A loopback peer on a non-loopback interface is not a thing; refuse rather than guess.
    ["127.0.0.1", "127.0.0.1", "192.168.1.5"],
    // No socket stamp (a request that arrived while the server was starting): nothing to trust.
    ["127.0.0.1", null, null],
  ])("Host %s from %s to %s is refused with 403", async (host, peer, local) => {
    const response = proxy(request(host, peer, local));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/this machine only/);
  });

  it.each([
    "evil.example",
    "127.0.0.1:3302@evil.example",
    "127.0.0.1@evil.example",
    "127.0.0.1.evil.example",
    "127.0.0.1:3000:80",
    "",
  ])("a loopback socket with Host %j (DNS rebinding) is refused with 421", async (host) => {
    const response = proxy(request(host, "127.0.0.1"));
    expect(response.status).toBe(421);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("misdirected");
  });
});

describe("hostName", () => {
  it.each([
    ["127.0.0.1:3302", "127.0.0.1"],
    ["LOCALHOST", "LOCALHOST"],
    ["[::1]:80", "[::1]"],
    ["127.0.0.1:3302@evil.example", ""],
    ["a b", ""],
    [null, ""],
  ])("%j is %j", (host, expected) => {
    expect(hostName(host)).toBe(expected);
  });
});

describe("paths", () => {
  it("a malformed %-escape is a 400 from the proxy (Next answered its own 500 decoding route params)", () => {
    const request = new NextRequest("http://127.0.0.1:3000/api/repos/acme/%E0%A4%A", {
      headers: { host: "127.0.0.1:3000", [PEER_ADDRESS_HEADER]: "127.0.0.1", [LOCAL_ADDRESS_HEADER]: "127.0.0.1" },
    });
    expect(proxy(request).status).toBe(400);
  });
});
