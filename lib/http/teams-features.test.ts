import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRepositoriesRoute } from "@/app/api/export/repositories/route";
import { GET as exportFindingsRoute } from "@/app/api/repos/[owner]/[repo]/findings/route";
import { GET as listSuppressionsRoute, POST as suppressRoute } from "@/app/api/repos/[owner]/[repo]/suppressions/route";
import { seedAcme } from "../../github-double/seed";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import { withRepositoryAccess } from "../auth/api";
import { postSuppressionWith } from "../auth/suppressions";
import { cacheFinding, dbEngineFinding, sampleReport } from "../db/queries/__fixtures__/reports";
import { completeAudit, createAudit } from "../db/queries/audits";
import { findRepository } from "../db/queries/repositories";
import { repositoryGains } from "../fix-first/load";
import { rankFindings } from "../fix-first/rank";
import { addRepository } from "../jobs/queue";
import { parseConfig } from "../parity/config/index";
import { applySuppressions } from "../parity/suppress";
import type { Report } from "../parity/types";
import { createGitHubClient } from "../sources/github/client";
import { handle } from "./handlers";
import { openTestApiContext } from "./test-api-context";

/** Issue 14's team features through their route handlers on a real database: export, fix first, suppress. */

const api = openTestApiContext();

async function audited(name: string, report: Report): Promise<void> {
  const repository = await findRepository(api.db, { owner: "acme", name });
  const audit = repository
    ? // A later audit (the connect job is still queued, so none is enqueued through the queue).
      await createAudit(api.db, { repositoryId: repository.id, trigger: "manual" })
    : (await addRepository(api.db, api.boss, { owner: "acme", name })).audit;
  await completeAudit(api.db, audit.id, { report, requests: 1, rateLimitCost: 1, finishedAt: new Date() });
}

const params = (name: string) => ({ params: Promise.resolve({ owner: "acme", repo: name }) });
const get = (path: string) => new Request(`http://parity.test${path}`);
const post = (path: string, body: unknown) =>
  new Request(`http://parity.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const hostile = '=HYPERLINK("http://evil.example","click"), then "quotes"\nand a line';

describe("export", () => {
  it("gives the overview as CSV, formulas defused and fields quoted", async () => {
    await audited("shop", sampleReport({ repository: "acme/shop" }));
    const response = await exportRepositoriesRoute(get("/api/export/repositories?format=csv"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="parity-overview-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe(
      "repository,level,score_overall,score_tools,score_time,score_personnel,worst_severity,worst_finding,last_audit_at,last_audit_status,last_audit_error,commit",
    );
    expect(lines.find((line) => line.startsWith("acme/shop,"))).toMatch(/^acme\/shop,bronze,48,31,62,70,high,/);
  });

  it("gives a scorecard's findings as CSV and JSON, repository text defused", async () => {
    const report = sampleReport({
      repository: "acme/sheet",
      findings: [{ ...dbEngineFinding, message: hostile }, cacheFinding],
    });
    await audited("sheet", report);
    const csv = await exportFindingsRoute(get("/api/repos/acme/sheet/findings?format=csv"), params("sheet"));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/filename="acme_sheet-findings-[\d-]+\.csv"/);
    const text = await csv.text();
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""click""), then ""quotes""\nand a line"');
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

    const json = await exportFindingsRoute(get("/api/repos/acme/sheet/findings?format=json"), params("sheet"));
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = (await json.json()) as { repository: string; findings: { message: string }[] };
    expect(body.repository).toBe("acme/sheet");
    // JSON is not a spreadsheet: the text stays exactly as the engine wrote it.
    expect(body.findings.map((finding) => finding.message)).toEqual([hostile, cacheFinding.message]);
  });

  it("refuses an unknown format and an unknown repository", async () => {
    expect((await exportFindingsRoute(get("/api/repos/acme/shop/findings?format=xlsx"), params("shop"))).status).toBe(
      400,
    );
    expect((await exportFindingsRoute(get("/api/repos/acme/nope/findings?format=csv"), params("nope"))).status).toBe(
      404,
    );
  });
});

describe("fix these first", () => {
  it("ranks findings across repositories by the score their fix adds", async () => {
    await audited("alpha", sampleReport({ repository: "acme/alpha" }));
    const ranked = rankFindings(await repositoryGains(api.db, async (rows) => [...rows]), {
      gap: "tools",
      severity: null,
    });
    const alpha = ranked.filter((item) => item.repository.fullName === "acme/alpha");
    // The fixture's one check (db-engine, score 2) holds both tools findings; suppressed ones are never listed.
    expect(alpha.map((item) => item.finding.fingerprint).sort()).toEqual(
      [dbEngineFinding.fingerprint, cacheFinding.fingerprint].sort(),
    );
    expect(ranked.every((item) => item.finding.gap === "tools" && !item.finding.suppressed)).toBe(true);
    for (const [earlier, later] of ranked.slice(1).map((item, index) => [ranked[index], item] as const)) {
      expect(earlier?.gain.overall ?? 0).toBeGreaterThanOrEqual(later.gain.overall ?? 0);
    }
  });

  it("reads no repository the viewer may not see", async () => {
    const ranked = rankFindings(await repositoryGains(api.db, async () => []), { gap: null, severity: null });
    expect(ranked).toEqual([]);
  });
});

describe("suppress from the UI", () => {
  it("answers the .parity.yml lines, keeps the request pending, and sees it land at the next audit", async () => {
    await audited("ledger", sampleReport({ repository: "acme/ledger" }));
    const response = await suppressRoute(
      post("/api/repos/acme/ledger/suppressions", {
        fingerprint: dbEngineFinding.fingerprint,
        kind: "accept",
        reason: "prod is managed; dev stays on SQLite",
      }),
      params("ledger"),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { suppression: { lines: string; status: string; file: string } };
    expect(body.suppression).toMatchObject({ status: "pending", file: ".parity.yml" });
    // The lines are what the engine reads as a suppression of that finding.
    const config = parseConfig(body.suppression.lines);
    expect(config.problems).toEqual([]);
    const [marked] = applySuppressions([dbEngineFinding], config.config);
    expect(marked).toMatchObject({
      suppressed: true,
      suppressionReason: "Accepted risk: prod is managed; dev stays on SQLite",
    });

    const listed = async () =>
      (
        (await (await listSuppressionsRoute(get("/api/repos/acme/ledger/suppressions"), params("ledger"))).json()) as {
          suppressions: { fingerprint: string; status: string }[];
        }
      ).suppressions;
    expect(await listed()).toEqual([
      expect.objectContaining({ fingerprint: dbEngineFinding.fingerprint, status: "pending" }),
    ]);

    // The file lands; the next audit reads it and marks the finding suppressed.
    await audited(
      "ledger",
      sampleReport({
        repository: "acme/ledger",
        findings: [
          { ...dbEngineFinding, suppressed: true, suppressionReason: "Accepted risk: prod is managed" },
          cacheFinding,
        ],
      }),
    );
    expect(await listed()).toEqual([expect.objectContaining({ status: "landed" })]);
  });

  it("refuses a missing reason, an unknown finding and one already suppressed", async () => {
    await audited("vault", sampleReport({ repository: "acme/vault" }));
    const ask = (body: unknown) => suppressRoute(post("/api/repos/acme/vault/suppressions", body), params("vault"));
    expect((await ask({ fingerprint: cacheFinding.fingerprint, kind: "suppress", reason: "  " })).status).toBe(400);
    expect((await ask({ fingerprint: cacheFinding.fingerprint, kind: "ignore", reason: "x" })).status).toBe(400);
    expect((await ask({ fingerprint: "nope", kind: "suppress", reason: "x" })).status).toBe(404);
    expect((await ask({ fingerprint: "deploy-frequency:time", kind: "suppress", reason: "x" })).status).toBe(404);
    const wrongType = await suppressRoute(
      new Request("http://parity.test/api/repos/acme/vault/suppressions", { method: "POST", body: "{}" }),
      params("vault"),
    );
    expect(wrongType.status).toBe(415);
  });
});

describe("suppress with a pull request (the GitHub App installed)", () => {
  let double: GitHubDouble;
  beforeAll(async () => {
    double = await startGitHubDouble({ world: seedAcme({ now: new Date("2026-11-30T12:00:00Z") }) });
  });
  afterAll(async () => {
    await double.close();
  });

  it("opens the pull request with the lines and keeps the suppression pending", async () => {
    await audited("storefront", sampleReport({ repository: "acme/storefront" }));
    // The App's installation client, here with a plain token against the double.
    const installed = postSuppressionWith(async () =>
      createGitHubClient({ baseUrl: double.url, auth: { type: "token", token: "t" }, maxRetries: 0 }),
    );
    const route = handle(withRepositoryAccess(installed));
    const body = { fingerprint: cacheFinding.fingerprint, kind: "suppress", reason: "cache is local by design" };
    const response = await route(post("/api/repos/acme/storefront/suppressions", { ...body, pullRequest: true }), {
      params: Promise.resolve({ owner: "acme", repo: "storefront" }),
    });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as {
      suppression: { status: string; pullRequestUrl: string | null; pullRequestError: string | null };
    };
    expect(answer.suppression).toMatchObject({ status: "pending", pullRequestError: null });
    expect(answer.suppression.pullRequestUrl).toMatch(/\/acme\/storefront\/pull\/\d+$/);
    const number = answer.suppression.pullRequestUrl?.split("/").at(-1);
    const pull = (await (await fetch(`${double.url}/repos/acme/storefront/pulls/${number}`)).json()) as {
      state: string;
      title: string;
    };
    expect(pull).toMatchObject({ state: "open", title: `Parity: suppress "${cacheFinding.message}"` });
    // The list remembers the pull request.
    const listed = (await (
      await listSuppressionsRoute(get("/api/repos/acme/storefront/suppressions"), params("storefront"))
    ).json()) as { suppressions: { pullRequestUrl: string | null }[] };
    expect(listed.suppressions[0]?.pullRequestUrl).toBe(answer.suppression.pullRequestUrl);

    // Without an installation: the lines and the pending request, and the reason there is no PR.
    const route404 = handle(withRepositoryAccess(postSuppressionWith(async () => null)));
    const without = await route404(post("/api/repos/acme/storefront/suppressions", { ...body, pullRequest: true }), {
      params: Promise.resolve({ owner: "acme", repo: "storefront" }),
    });
    expect(((await without.json()) as { suppression: { pullRequestError: string } }).suppression).toMatchObject({
      pullRequestUrl: null,
      pullRequestError: "the Parity GitHub App is not installed on this repository",
      status: "pending",
    });
  });
});
