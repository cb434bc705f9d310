import { AppError } from "./errors";

/**
 * Request bodies of the JSON API: JSON only, and never more than the route's cap in memory. The
 * declared `Content-Length` is refused before a byte is read; a body without one (chunked) is
 * read until it passes the cap, then the read stops. The proxy in front (Next buffers a body for
 * it) is held to `experimental.proxyClientMaxBodySize` in next.config.ts, above these caps.
 */

/** Every JSON body the API takes is a few short strings. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

export async function readJsonBody(request: Request, max = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  }
  const text = await readCapped(request, max);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function tooLarge(max: number): AppError {
  return new AppError("too_large", `The body is larger than ${Math.round(max / 1024)} kB; this route takes less.`);
}

async function readCapped(request: Request, max: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // An aborted upload is the client's doing: a 400 nobody reads, not an error in our log.
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw new AppError("bad_request", "The body did not arrive in full.", { cause: error });
    });
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const BODIES = new WeakMap<Request, Promise<unknown>>();

/** The request's JSON body, read once however many wrappers (access check, handler) ask for it. */
export function jsonBodyOnce(request: Request, max = MAX_JSON_BODY_BYTES): Promise<unknown> {
  let body = BODIES.get(request);
  if (!body) {
    body = readJsonBody(request, max);
    BODIES.set(request, body);
  }
  return body;
}
