import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import {
  clientAddress,
  isLoopbackAddress,
  LOCAL_ADDRESS_HEADER,
  PEER_ADDRESS_HEADER,
  parseTrustedProxies,
} from "./client-address";
import { installPeerHeaders } from "./peer-headers";

const NONE = parseTrustedProxies(undefined);

function headers(peer: string | null, forwardedFor?: string): Headers {
  const result = new Headers();
  if (peer !== null) result.set(PEER_ADDRESS_HEADER, peer);
  if (forwardedFor !== undefined) result.set("x-forwarded-for", forwardedFor);
  return result;
}

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers("203.0.113.7", "1.1.1.1"), NONE)).toBe("203.0.113.7");
    expect(clientAddress(headers("203.0.113.7", "1.1.1.1, 2.2.2.2"), NONE)).toBe("203.0.113.7");
    expect(clientAddress(headers("::ffff:203.0.113.7"), NONE)).toBe("203.0.113.7");
    expect(clientAddress(headers(null, "1.1.1.1"), NONE)).toBe("unknown");
  });

  it("reads X-Forwarded-For from the right through trusted proxies only", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");
    // The client wrote 6.6.6.6; the first proxy saw 198.51.100.9 and appended it.
    expect(clientAddress(headers("10.0.0.2", "6.6.6.6, 198.51.100.9"), trusted)).toBe("198.51.100.9");
    // Two trusted hops.
    expect(clientAddress(headers("192.168.1.5", "6.6.6.6, 198.51.100.9, 10.1.2.3"), trusted)).toBe("198.51.100.9");
    expect(clientAddress(headers("fd00::1", "2001:db8::7"), trusted)).toBe("2001:db8::7");
    // A trusted proxy that forwarded nothing (or garbage) is itself the client.
    expect(clientAddress(headers("10.0.0.2"), trusted)).toBe("10.0.0.2");
    expect(clientAddress(headers("10.0.0.2", "not-an-ip"), trusted)).toBe("10.0.0.2");
    // An untrusted peer's X-Forwarded-For is never read.
    expect(clientAddress(headers("198.51.100.1", "10.0.0.2"), trusted)).toBe("198.51.100.1");
  });

  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["", false],
    ["localhost", false],
  ])("%s is loopback: %s", (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  it("PARITY_TRUSTED_PROXIES must list addresses or ranges", () => {
    expect(parseEnv({ PARITY_TRUSTED_PROXIES: "10.0.0.0/8, ::1" }).PARITY_TRUSTED_PROXIES).toBe("10.0.0.0/8, ::1");
    expect(() => parseEnv({ PARITY_TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(
      /PARITY_TRUSTED_PROXIES is invalid: it must list IP addresses or CIDR ranges \("10.0.0.0\/33"/,
    );
    expect(() => parseEnv({ PARITY_TRUSTED_PROXIES: "proxy.internal" })).toThrow(/PARITY_TRUSTED_PROXIES is invalid/);
  });
});

describe("the socket's addresses reach the proxy as headers no client can forge", () => {
  let server: http.Server | undefined;
  afterAll(() => server?.close());

  it("overwrites a client's own x-parity-peer-address with the socket's", async () => {
    installPeerHeaders();
    server = http.createServer((request, response) => {
      response.end(JSON.stringify([request.headers[PEER_ADDRESS_HEADER], request.headers[LOCAL_ADDRESS_HEADER]]));
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [PEER_ADDRESS_HEADER]: "203.0.113.7", [LOCAL_ADDRESS_HEADER]: "203.0.113.8" },
    });
    expect(await response.json()).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});
