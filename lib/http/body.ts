import { BodyTooLarge, BodyUnfinished, readCapped } from "../security/read-capped";
import { AppError } from "./errors";

/**
 * Request bodies of the JSON API: JSON only, and never more than the route's cap in memory
 * (lib/security/read-capped.ts). The proxy in front (Next buffers a body for it) is held to
 * `experimental.proxyClientMaxBodySize` in next.config.ts, above these caps.
 */

/** Every JSON body the API takes is a few short strings. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

export async function readJsonBody(request: Request, max = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  }
  const text = await readText(request, max);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** `readCapped`'s two refusals in the API's words. */
async function readText(request: Request, max: number): Promise<string> {
  try {
    return await readCapped(request, max);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      throw new AppError("too_large", `The body is larger than ${Math.round(max / 1024)} kB; this route takes less.`);
    }
    // An aborted upload is the client's doing: a 400 nobody reads, not an error in our log.
    if (error instanceof BodyUnfinished) {
      throw new AppError("bad_request", "The body did not arrive in full.", { cause: error });
    }
    throw error;
  }
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
