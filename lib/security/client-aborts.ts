/**
 * A client that goes away in the middle of its request body (a closed tab, a cancelled upload)
 * is not a server error. Next buffers the body of every request its proxy matches, and when the
 * sender disconnects it logs the socket's `Error: aborted` (ECONNRESET) as if the app had failed
 * (vercel/next.js#42365), once per aborted upload: noise that buries real errors and that a client
 * can produce at will. Installed by instrumentation-node.ts, this drops exactly that error from
 * `console.error` and passes everything else through unchanged.
 */

const INSTALLED = Symbol.for("parity.client-aborts");

/** Node's error for a request whose sender disconnected mid-body. */
export function isClientAbort(value: unknown): boolean {
  return value instanceof Error && value.message === "aborted" && (value as { code?: unknown }).code === "ECONNRESET";
}

export function quietClientAborts(target: Pick<Console, "error"> = console): void {
  const holder = target as Pick<Console, "error"> & { [INSTALLED]?: true };
  if (holder[INSTALLED]) return;
  const error = target.error.bind(target);
  target.error = (...args: unknown[]) => {
    if (args.some(isClientAbort)) return;
    error(...args);
  };
  holder[INSTALLED] = true;
}
