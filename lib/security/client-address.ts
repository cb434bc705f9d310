import { BlockList, isIP } from "node:net";
import { addressList, normalizeAddress } from "../ip-addresses";

/**
 * Who is on the other end of a request. The proxy cannot see the socket (Next hands it headers
 * only), so the web process stamps the socket's two addresses into headers of its own as each
 * request arrives (lib/security/peer-headers.ts), overwriting whatever a client sent under those
 * names. Everything else about the client's address comes from these, never from a header the
 * client wrote: `X-Forwarded-For` counts only when the socket's peer is a proxy the operator named
 * in `PARITY_TRUSTED_PROXIES`.
 */

/** The address of the socket's other end (the client, or the proxy in front of Parity). */
export const PEER_ADDRESS_HEADER = "x-parity-peer-address";
/** The address of the socket's own end (the interface the connection arrived on). */
export const LOCAL_ADDRESS_HEADER = "x-parity-local-address";

/** 127.0.0.0/8 and ::1: only this machine can connect from them. */
export function isLoopbackAddress(address: string): boolean {
  const bare = normalizeAddress(address);
  if (isIP(bare) === 4) return bare.startsWith("127.");
  if (isIP(bare) === 6) return bare === "::1" || bare === "0:0:0:0:0:0:0:1";
  return false;
}

export interface TrustedProxies {
  has(address: string): boolean;
}

/** The proxies named in `PARITY_TRUSTED_PROXIES` (comma-separated addresses and CIDR ranges). */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  for (const entry of addressList(value ?? "")) {
    const [raw = "", prefix] = entry.split("/");
    const address = normalizeAddress(raw);
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (isIP(address) === 0) continue;
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return {
    has(address) {
      const bare = normalizeAddress(address);
      const family = isIP(bare);
      if (family === 0) return false;
      return list.check(bare, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/**
 * The client's address for rate limits. The socket's peer, unless that peer is a trusted proxy:
 * then `X-Forwarded-For` is read from the right (each proxy appends the address it saw), skipping
 * trusted proxies, and the first address no trusted proxy vouches for is the client. Entries to
 * the left of it were written by the client and are never read.
 */
export function clientAddress(headers: Headers, trusted: TrustedProxies): string {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (!peer) return "unknown";
  let client = normalizeAddress(peer);
  if (!trusted.has(client)) return client;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(normalizeAddress).filter(Boolean);
  for (const hop of hops.reverse()) {
    if (isIP(hop) === 0) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}

const PARSED = Symbol.for("parity.trusted-proxies");
type GlobalWithProxies = typeof globalThis & { [PARSED]?: { value: string | undefined; list: TrustedProxies } };

/** `parseTrustedProxies` of the process's setting, parsed once. */
export function processTrustedProxies(value: string | undefined): TrustedProxies {
  const holder = globalThis as GlobalWithProxies;
  let parsed = holder[PARSED];
  if (!parsed || parsed.value !== value) {
    parsed = { value, list: parseTrustedProxies(value) };
    holder[PARSED] = parsed;
  }
  return parsed.list;
}
