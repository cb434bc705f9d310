import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FaultRule } from "../../github-double/faults";
import { seedAcme } from "../../github-double/seed";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import type { DatabaseHandle } from "../db/client";
import { createAudit } from "../db/queries/audits";
import { getAuditProgress } from "../db/queries/dashboard";
import { upsertRepository } from "../db/queries/repositories";
import { audits, findings } from "../db/schema";
import { openTestDatabase } from "../db/test-database";
import type { Report } from "../parity/types";
import { createGitHubClient, memoryCache } from "../sources/github/index";
import { runLiveAudit } from "./run-audit";

/**
 * Every injected fault, through the audit service: the audit either completes after waiting or
 * retrying (nothing lost) or is stored as failed with a coded, readable reason and no partial
 * result, and it never outlasts its stated bound (BOUND_MS plus the database writes).
 */

const NOW = new Date("2026-11-20T12:00:00Z");
const BOUND_MS = 4_000;
let handle: DatabaseHandle;
let double: GitHubDouble;

beforeAll(async () => {
  handle = await openTestDatabase();
  const world = seedAcme({ now: NOW });
  // A production compose file over GitHub's 1 MB blob limit (a generated, inlined config).
  world.commit("acme/billing", {
    files: {
      "docker-compose.prod.yml": `services:\n  app:\n    image: acme/billing:1\n${"# padding\n".repeat(120_000)}`,
    },
    message: "Inline the generated production config",
    author: { name: "Priya Raman", email: "praman@acme.test", login: "praman" },
    at: "2026-11-19T09:00:00Z",
  });
  double = await startGitHubDouble({ world });
});
afterAll(async () => {
  await double?.close();
  await handle?.close();
});
afterEach(() => {
  double.clearFaults();
});

/** A token per test: a primary-limit fault exhausts its token's bucket for the hour, as on GitHub. */
function deps(token: string) {
  const client = createGitHubClient({
    baseUrl: double.url,
    auth: { type: "token", token: `t-${token.replace(/\W+/g, "-")}` },
    retryBaseMs: 10,
    maxRetries: 2,
    writeIntervalMs: 0,
  });
  return { db: handle.db, client, now: () => NOW, cache: memoryCache(), timeoutMs: BOUND_MS };
}

async function auditOf(name: string) {
  const repo = await upsertRepository(handle.db, { owner: "acme", name });
  if (!repo) throw new Error("no repository");
  return createAudit(handle.db, { repositoryId: repo.id, trigger: "manual" });
}

async function storedReport(auditId: number): Promise<Report | null> {
  const [row] = await handle.db.select().from(audits).where(eq(audits.id, auditId));
  return (row?.report as Report | null) ?? null;
}

const trees = (repo: string) => `/repos/acme/${repo}/git/trees/`;

describe("audit service under injected faults", () => {
  it.each<[string, string, FaultRule]>([
    [
      "secondary-limit 403 with Retry-After",
      "ledger",
      { fault: { kind: "secondary-limit", retryAfter: 1 }, path: "/graphql", times: 1 },
    ],
    [
      "429 with Retry-After",
      "ledger",
      { fault: { kind: "secondary-limit", retryAfter: 1, status: 429 }, path: trees("ledger"), times: 1 },
    ],
    ["500 once", "edge-router", { fault: { kind: "status", status: 500 }, path: "/graphql", times: 1 }],
    ["502 twice", "edge-router", { fault: { kind: "status", status: 502 }, path: trees("edge-router"), times: 2 }],
    [
      "a slow answer within the bound",
      "checkout-api",
      { fault: { kind: "slow", delayMs: 800 }, path: "/graphql", times: 1 },
    ],
    ["a truncated tree", "storefront", { fault: { kind: "truncate-tree", maxEntries: 3 }, path: "/git/trees/HEAD" }],
  ])("completes after %s, with the whole result stored", async (_name, repo, rule) => {
    const row = await auditOf(repo);
    double.inject(rule);
    const outcome = await runLiveAudit(deps(_name), row.id);
    expect(outcome.ok).toBe(true);
    expect(await getAuditProgress(handle.db, row.id)).toMatchObject({ status: "succeeded", error: null });
    const report = await storedReport(row.id);
    expect(report?.repository).toBe(`acme/${repo}`);
    expect(report?.inventory.length).toBeGreaterThan(0);
    if (rule.fault.kind === "truncate-tree") {
      // The walked directories still found the files; the partial listing is stated, not hidden.
      expect(report?.files.some((f) => f.path === "config/database.yml")).toBe(true);
      expect(report?.metrics.coverage).toBe("partial");
      expect(report?.checks.find((c) => c.id === "lead-time")?.summary).toContain("partial history");
    }
  });

  it("completes with a blob over 1 MB skipped and the skip stated in the report", async () => {
    const row = await auditOf("billing");
    const outcome = await runLiveAudit(deps("large-blob"), row.id);
    expect(outcome.ok).toBe(true);
    const report = await storedReport(row.id);
    const skip = report?.findings.find((f) => f.evidence.some((e) => e.file === "docker-compose.prod.yml"));
    expect(skip?.message).toContain("larger than 1 MB");
  });

  it.each<[string, string, FaultRule, string, RegExp]>([
    [
      "451",
      "ledger",
      { fault: { kind: "status", status: 451 }, path: trees("ledger") },
      "forbidden",
      /legal reasons \(451\)/,
    ],
    ["404", "ledger", { fault: { kind: "status", status: 404 }, path: trees("ledger") }, "not_found", /not found/],
    [
      "persistent 502",
      "ledger",
      { fault: { kind: "status", status: 502 }, path: "/graphql" },
      "upstream",
      /GitHub failed \(502\)/,
    ],
    [
      "a primary limit resetting in an hour",
      "ledger",
      { fault: { kind: "primary-limit", resetIn: 3600 }, path: trees("ledger") },
      "rate_limited",
      /rate limit/,
    ],
    [
      "a secondary limit asking for 10 minutes",
      "ledger",
      { fault: { kind: "secondary-limit", retryAfter: 600 }, path: "/graphql" },
      "rate_limited",
      /rate limit/,
    ],
    [
      "an answer slower than the bound",
      "ledger",
      { fault: { kind: "slow", delayMs: BOUND_MS + 2_000 }, path: "/graphql" },
      "upstream",
      /within 4 s/,
    ],
  ])("stores a clear reason on %s, no partial result, within the bound", async (_name, repo, rule, code, message) => {
    const row = await auditOf(repo);
    double.inject(rule);
    const started = Date.now();
    const outcome = await runLiveAudit(deps(_name), row.id);
    expect(Date.now() - started).toBeLessThan(BOUND_MS + 1_500);
    expect(outcome).toMatchObject({ ok: false, failure: { code } });
    const progress = await getAuditProgress(handle.db, row.id);
    expect(progress).toMatchObject({ status: "failed", errorCode: code });
    expect(progress?.error).toMatch(message);
    expect(await storedReport(row.id)).toBeNull();
    expect(await handle.db.select().from(findings).where(eq(findings.auditId, row.id))).toEqual([]);
  });
});
