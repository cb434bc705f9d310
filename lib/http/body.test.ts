import { describe, expect, it } from "vitest";
import { MAX_JSON_BODY_BYTES, readJsonBody } from "./body";
import { AppError } from "./errors";

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "ok";
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

/** A body that never ends; counts how many chunks were pulled from it. */
function endless(chunkBytes: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulls = 0;
  const chunk = new Uint8Array(chunkBytes).fill(32);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls += 1;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulls };
}

describe("JSON request bodies", () => {
  it("reads a small JSON body", async () => {
    const request = new Request("http://parity.test/api/repos", {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ repository: "acme/shop" }),
    });
    expect(await readJsonBody(request)).toEqual({ repository: "acme/shop" });
  });

  it.each([
    [undefined, "unsupported_media_type"],
    ["text/plain", "unsupported_media_type"],
    ["application/x-www-form-urlencoded", "unsupported_media_type"],
    ["multipart/form-data; boundary=x", "unsupported_media_type"],
  ])("refuses Content-Type %s with 415", async (type, code) => {
    const headers: Record<string, string> = type ? { "content-type": type } : {};
    const request = new Request("http://parity.test/api/repos", { method: "POST", headers, body: "{}" });
    expect(await codeOf(readJsonBody(request))).toBe(code);
  });

  it("refuses a declared Content-Length over the cap before reading a byte", async () => {
    const { stream, pulled } = endless(64 * 1024);
    const request = new Request("http://parity.test/api/repos", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(6 * 1024 * 1024) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(await codeOf(readJsonBody(request))).toBe("too_large");
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("stops reading a body without a length as soon as it passes the cap", async () => {
    const { stream, pulled } = endless(4 * 1024);
    const request = new Request("http://parity.test/api/repos", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(await codeOf(readJsonBody(request))).toBe("too_large");
    expect(pulled() * 4 * 1024).toBeLessThan(MAX_JSON_BODY_BYTES + 4 * 4 * 1024);
  });
});
