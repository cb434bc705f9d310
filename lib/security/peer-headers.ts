import http from "node:http";
import https from "node:https";
import { LOCAL_ADDRESS_HEADER, PEER_ADDRESS_HEADER } from "./client-address";

/**
 * Next's proxy sees a request's headers but not its socket, and a header is what a client writes.
 * So every request this process's HTTP servers receive gets two headers stamped from its socket
 * (peer and local address) the moment it arrives, replacing any value the client sent under those
 * names. Installed by instrumentation-node.ts when the server starts, whether through `npm start`
 * or a bare `next start`; a request that arrived before (while the server was still starting)
 * carries no stamp, and the proxy treats it as coming from nowhere it trusts.
 */

const INSTALLED = Symbol.for("parity.peer-headers");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

export function stampPeerHeaders(request: http.IncomingMessage): void {
  const socket = request.socket as { remoteAddress?: string; localAddress?: string } | undefined;
  request.headers[PEER_ADDRESS_HEADER] = socket?.remoteAddress ?? "";
  request.headers[LOCAL_ADDRESS_HEADER] = socket?.localAddress ?? "";
}

export function installPeerHeaders(): void {
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as unknown as { emit: Emit; [INSTALLED]?: true };
    if (prototype[INSTALLED]) continue;
    const emit = prototype.emit;
    prototype.emit = function emitWithPeer(event, ...args) {
      if (event === "request" || event === "checkContinue" || event === "checkExpectation") {
        stampPeerHeaders(args[0] as http.IncomingMessage);
      }
      return emit.call(this, event, ...args);
    };
    prototype[INSTALLED] = true;
  }
}
