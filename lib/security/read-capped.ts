/**
 * Reads a request body as text without ever holding more than `max` bytes: the declared
 * `Content-Length` is refused before a byte is read, and a body without one (chunked) is read
 * until it passes the cap, then the read stops. Imports nothing, so the JSON API (lib/http/body.ts)
 * and the webhook receiver (lib/webhooks/receive.ts) share it and each answer in their own words.
 */

/** The body is (or declares itself) larger than the route takes. */
export class BodyTooLarge extends Error {}

/** The sender went away mid-body (an aborted upload): the client's doing, nothing to log. */
export class BodyUnfinished extends Error {}

export async function readCapped(request: Request, max: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > max) throw new BodyTooLarge(`larger than ${max} bytes`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw new BodyUnfinished("the body did not arrive in full", { cause: error });
    });
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge(`larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
