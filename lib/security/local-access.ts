import { authMode, type Env, isLoopbackHost } from "../env";
import { AppError } from "../errors/index";
import { isLoopbackAddress, LOCAL_ADDRESS_HEADER, PEER_ADDRESS_HEADER } from "./client-address";

/**
 * Local mode (no sign-in) shows every repository to whoever reaches it, so it answers only
 * connections made on this machine: the socket's peer and local addresses must both be loopback,
 * whatever address the server was told to listen on (a bare `next start -H 0.0.0.0` included).
 * The Host header must also name a loopback host, so a web page cannot reach the local server
 * through DNS rebinding; it is never enough on its own, since any client can write it.
 */

/** The host part of a `Host` header; "" when the header is not a plain `host[:port]`. */
export function hostName(host: string | null): string {
  if (!host) return "";
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(host.trim());
  return match?.[1] ?? "";
}

/** The refusal, as the error both the proxy and the webhook route answer with; null to go on. */
export function localAccessRefusal(headers: Headers): AppError | null {
  const peer = headers.get(PEER_ADDRESS_HEADER) ?? "";
  const local = headers.get(LOCAL_ADDRESS_HEADER) ?? "";
  if (!isLoopbackAddress(peer) || !isLoopbackAddress(local)) {
    return new AppError(
      "forbidden",
      "Parity in local mode answers connections from this machine only; configure sign-in to share it (docs/security.md).",
    );
  }
  if (!isLoopbackHost(hostName(headers.get("host")))) {
    return new AppError("misdirected", "Parity in local mode answers on 127.0.0.1 only.");
  }
  return null;
}

/** The refusal for this request, or null: only local mode refuses, unless told it is insecure. */
export function localModeRefusal(settings: Env, headers: Headers): AppError | null {
  if (authMode(settings) !== "local" || settings.PARITY_INSECURE_ALLOW_REMOTE === "1") return null;
  return localAccessRefusal(headers);
}
