import { describe, expect, it } from "vitest";
import { GET as badge } from "@/app/api/badge/[owner]/[repo]/route";
import { POST as queueAudit } from "@/app/api/repos/[owner]/[repo]/audits/route";
import { GET as history } from "@/app/api/repos/[owner]/[repo]/history/route";
import { GET as report } from "@/app/api/repos/[owner]/[repo]/route";
import { POST as addRepository } from "@/app/api/repos/route";
import { openTestApiContext } from "./test-api-context";

/**
 * The API's input before it reaches the database: path parameters are held to GitHub's naming
 * rules like the POST body (a NUL byte made PostgreSQL answer 500), and bodies are JSON of a
 * bounded size.
 */

openTestApiContext();

type Route = (request: Request, context: { params: Promise<{ owner: string; repo: string }> }) => Promise<Response>;

const ROUTES: [string, Route, string][] = [
  ["GET /api/repos/{o}/{r}", report, "GET"],
  ["GET /api/repos/{o}/{r}/history", history, "GET"],
  ["POST /api/repos/{o}/{r}/audits", queueAudit, "POST"],
];

describe("path parameters", () => {
  const BAD: [string, string][] = [
    ["a\u0000b", "c"],
    ["acme", "sh\u0000op"],
    ["a%00b", "c"],
    ["acme", "%E0%A4%A"],
    ["acme", ".."],
    ["-acme", "shop"],
    ["acme", "a/b"],
  ];
  for (const [label, route, method] of ROUTES) {
    it.each(BAD)(`${label} with %j / %j answers 400, not 500`, async (owner, repo) => {
      const response = await route(new Request("http://parity.test/api/repos/x/y", { method }), {
        params: Promise.resolve({ owner, repo }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    });
  }

  it.each(BAD)("the badge of %j / %j is the unknown badge (404)", async (owner, repo) => {
    const response = await badge(new Request("http://parity.test/api/badge/x/y.svg"), {
      params: Promise.resolve({ owner, repo: `${repo}.svg` }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("image/svg+xml");
  });

  it("a well-formed name that is not connected is still a 404", async () => {
    const response = await history(new Request("http://parity.test/api/repos/acme/nothing/history"), {
      params: Promise.resolve({ owner: "acme", repo: "nothing" }),
    });
    expect(response.status).toBe(404);
  });
});

describe("POST /api/repos bodies", () => {
  const post = (body: BodyInit, headers: Record<string, string>) =>
    addRepository(new Request("http://parity.test/api/repos", { method: "POST", body, headers }), {
      params: Promise.resolve({}),
    });

  it("refuses 6 MB with 413 and a body that is not JSON with 415", async () => {
    const big = JSON.stringify({ repository: "acme/shop", padding: "x".repeat(6 * 1024 * 1024) });
    const tooLarge = await post(big, { "content-type": "application/json" });
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: { code: string } }).error.code).toBe("too_large");
    const form = await post("repository=acme%2Fshop", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    const plain = await post(JSON.stringify({ repository: "acme/shop" }), { "content-type": "text/plain" });
    expect(plain.status).toBe(415);
  });
});
