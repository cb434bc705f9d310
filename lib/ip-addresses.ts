import { isIP } from "node:net";

/**
 * IP addresses as settings and sockets write them. Below both lib/env.ts, which validates
 * `PARITY_TRUSTED_PROXIES` at start-up, and lib/security/client-address.ts, which reads requests'
 * addresses with it: the configuration need not import request security.
 */

/** `::ffff:127.0.0.1` (an IPv4 client of a dual-stack socket) as `127.0.0.1`; brackets dropped. */
export function normalizeAddress(address: string): string {
  const bare = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  return (mapped?.[1] ?? bare).toLowerCase();
}

/** Why an entry of `PARITY_TRUSTED_PROXIES` is not an address or CIDR range, or null. */
export function trustedProxyProblem(value: string): string | null {
  for (const entry of addressList(value)) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(normalizeAddress(address));
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || extra !== undefined) {
      return `"${entry}" is not an IP address or CIDR range such as 10.0.0.0/8`;
    }
  }
  return null;
}

/** The entries of a comma-separated list of addresses, trimmed, empty ones dropped. */
export function addressList(value: string): string[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}
