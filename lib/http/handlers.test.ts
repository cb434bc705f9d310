import { describe, expect, it } from "vitest";
import { listVisibleRepos } from "../auth/api";
import { sampleReport } from "../db/queries/__fixtures__/reports";
import { completeAudit } from "../db/queries/audits";
import { toJson } from "../parity/audit/index";
import { escapeXml, renderBadge } from "./badge";
import { addRepo, getAuditStatus, getBadge, getRepoHistory, getRepoReport, handle, queueAudit } from "./handlers";
import { openTestApiContext } from "./test-api-context";

const api = openTestApiContext();

const post = (body: unknown) =>
  new Request("http://parity.test/api/repos", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
const call = <P>(fn: (request: Request, params: P) => Promise<Response>, url: string, params: P) =>
  handle(fn)(new Request(url), { params: Promise.resolve(params) });

describe("JSON API handlers", () => {
  it.each([
    [{ repository: "not a repo" }, /is not a repository/],
    [{ nothing: true }, /owner\/name/],
    ["garbage", /Send JSON/],
  ])("refuses %j with 400 and a sentence", async (body, message) => {
    const response = await handle(addRepo)(post(body), { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("bad_request");
    expect(json.error.message).toMatch(message);
  });

  it("adds a repository from a GitHub URL, queues its first audit, and lists it", async () => {
    const response = await handle(addRepo)(post({ repository: "https://github.com/acme/shop/tree/main" }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { repository: { fullName: string }; auditId: number };
    expect(body.repository.fullName).toBe("acme/shop");
    const progress = await call(getAuditStatus, "http://parity.test/api/audits/x", { id: String(body.auditId) });
    expect(await progress.json()).toMatchObject({ status: "queued", repository: "acme/shop" });
    const again = await call(queueAudit, "http://parity.test/", { owner: "acme", repo: "shop" });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ auditId: body.auditId, queued: false });
    const list = (await (
      await handle(listVisibleRepos)(new Request("http://parity.test/api/repos"), { params: Promise.resolve({}) })
    ).json()) as {
      repositories: { fullName: string; lastAuditStatus: string }[];
    };
    expect(list.repositories).toEqual([expect.objectContaining({ fullName: "acme/shop", lastAuditStatus: "queued" })]);
  });

  it("serves the latest report as the CLI's JSON once an audit finished, 404 before", async () => {
    const before = await call(getRepoReport, "http://parity.test/", { owner: "acme", repo: "shop" });
    expect(before.status).toBe(404);
    const report = sampleReport();
    await completeAudit(api.db, 1, { report, requests: 1, rateLimitCost: 1, finishedAt: new Date() });
    const after = await call(getRepoReport, "http://parity.test/", { owner: "acme", repo: "shop" });
    expect(after.status).toBe(200);
    expect(JSON.parse(await after.text())).toEqual(JSON.parse(toJson(report)));
  });

  it.each([
    ["?from=yesterday", /from must be an ISO 8601 date/],
    ["?from=2026-13-45", /from must be an ISO 8601 date/],
    ["?from=2026-11-02&to=2026-11-01", /must not be after/],
  ])("rejects history %s with a sentence", async (query, message) => {
    const response = await call(getRepoHistory, `http://parity.test/api/repos/acme/shop/history${query}`, {
      owner: "acme",
      repo: "shop",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it("returns audit history between dates and 404 for unknown repositories", async () => {
    const ok = await call(getRepoHistory, "http://parity.test/h?from=2000-01-01&to=2999-01-01", {
      owner: "acme",
      repo: "shop",
    });
    expect(((await ok.json()) as { audits: unknown[] }).audits).toHaveLength(1);
    const missing = await call(getRepoHistory, "http://parity.test/h", { owner: "acme", repo: "nope" });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("serves a badge for name.svg with a short cache", async () => {
    const response = await call(getBadge, "http://parity.test/", { owner: "acme", repo: "shop.svg" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(response.headers.get("cache-control")).toMatch(/max-age=300/);
    expect(await response.text()).toContain("Bronze · 48");
    const unknown = await call(getBadge, "http://parity.test/", { owner: "acme", repo: "ghost.svg" });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("not audited");
  });

  it("escapes badge text", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    expect(renderBadge({ level: null, score: 12, label: "<b>" })).toContain("&lt;b&gt;: Not yet · 12");
  });

  it("rejects a non-numeric audit id", async () => {
    const response = await call(getAuditStatus, "http://parity.test/", { id: "abc" });
    expect(response.status).toBe(400);
  });
});
