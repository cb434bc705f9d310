import http from "node:http";
import { expect, test } from "@playwright/test";
import { APP_PORT as PORT } from "./ports";

/**
 * What the server takes before any page logic runs: bodies are capped before they are buffered,
 * and paths that name no repository are 400/404, never a database error.
 */

/** Declares `declared` bytes, sends only the first 64 kB, and resolves with the status if one arrives. */
function partialUpload(path: string, declared: number): Promise<{ status: number; beforeUploadEnded: boolean }> {
  return new Promise((resolve, reject) => {
    let finished = false;
    const request = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": declared },
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, beforeUploadEnded: !finished });
        request.destroy();
      },
    );
    request.on("error", (error) => {
      if (!finished) reject(error);
    });
    request.write(Buffer.alloc(64 * 1024, 32));
    // The rest never comes: a server that buffers the whole body first never answers.
    setTimeout(() => {
      finished = true;
      request.destroy();
      reject(new Error(`no answer from ${path} within 15 s of a partial upload`));
    }, 15_000);
  });
}

test("the webhook route refuses a 6 MB body from its headers, without waiting for (or buffering) it", async () => {
  const answer = await partialUpload("/api/github/webhooks", 6 * 1024 * 1024);
  expect(answer).toEqual({ status: 413, beforeUploadEnded: true });
});

test("POST /api/repos takes small JSON only", async ({ request }) => {
  const form = await request.post("/api/repos", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "repository=acme%2Fshop",
  });
  expect(form.status()).toBe(415);
  const big = await request.post("/api/repos", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ repository: "acme/shop", padding: "x".repeat(6 * 1024 * 1024) }),
  });
  expect(big.status()).toBe(413);
  expect(((await big.json()) as { error: { code: string } }).error.code).toBe("too_large");
});

test("a NUL byte or a malformed name in a path is a 400 or 404, never a 500", async ({ request }) => {
  for (const path of [
    "/api/repos/a%00b/c",
    "/api/repos/a%00b/c/history",
    "/api/repos/acme/sh%00op",
    "/api/repos/-acme/shop/history",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
  }
  expect((await request.post("/api/repos/a%00b/c/audits")).status()).toBe(400);
  expect((await request.get("/api/badge/a%00b/c.svg")).status()).toBe(404);
  for (const path of ["/repos/a%00b/c", "/repos/acme/sh%00op", "/repos/acme/%E0%A4%A"]) {
    expect([400, 404], path).toContain((await request.get(path)).status());
  }
});
