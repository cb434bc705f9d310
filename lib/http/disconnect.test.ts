import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DELETE as disconnectRoute } from "@/app/api/repos/[owner]/[repo]/route";
import { sampleReport } from "../db/queries/__fixtures__/reports";
import { completeAudit } from "../db/queries/audits";
import { cachedRepositorySummaries } from "../db/queries/dashboard-cache";
import { findRepository } from "../db/queries/repositories";
import { audits } from "../db/schema";
import { addRepository, enqueueSweep } from "../jobs/queue";
import { getRepoHistory, handle } from "./handlers";
import { openTestApiContext } from "./test-api-context";

/** `DELETE /api/repos/{owner}/{repo}`: Disconnect, with the history kept or deleted as asked. */

const api = openTestApiContext();

async function connected(name: string): Promise<number> {
  const { audit } = await addRepository(api.db, api.boss, { owner: "acme", name });
  await completeAudit(api.db, audit.id, {
    report: sampleReport(),
    requests: 1,
    rateLimitCost: 1,
    finishedAt: new Date(),
  });
  return audit.id;
}

const disconnect = (name: string, query: string) =>
  disconnectRoute(new Request(`http://parity.test/api/repos/acme/${name}${query}`, { method: "DELETE" }), {
    params: Promise.resolve({ owner: "acme", repo: name }),
  });
const history = (name: string) =>
  handle(getRepoHistory)(new Request(`http://parity.test/api/repos/acme/${name}/history`), {
    params: Promise.resolve({ owner: "acme", repo: name }),
  });
const listed = async () => (await cachedRepositorySummaries(api.db)).map((row) => row.fullName);

describe("Disconnect", () => {
  it("must be told what happens to the history", async () => {
    await connected("shop");
    for (const query of ["", "?history=", "?history=maybe"]) {
      const response = await disconnect("shop", query);
      expect(response.status, query).toBe(400);
    }
    expect(await listed()).toContain("acme/shop");
  });

  it("keeps the history hidden, and connecting again brings it back", async () => {
    const auditId = await connected("ledger");
    const ledgerId = (await findRepository(api.db, { owner: "acme", name: "ledger" }))?.id ?? 0;
    const response = await disconnect("ledger", "?history=keep");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ repository: "acme/ledger", disconnected: true, history: "kept" });
    expect(await listed()).not.toContain("acme/ledger");
    expect(await findRepository(api.db, { owner: "acme", name: "ledger" })).toBeNull();
    expect((await history("ledger")).status).toBe(404);
    expect((await disconnect("ledger", "?history=keep")).status).toBe(404);
    // The daily sweep leaves it alone.
    await enqueueSweep(api.db, api.boss);
    const ledgerAudits = await api.db
      .select({ trigger: audits.trigger })
      .from(audits)
      .where(eq(audits.repositoryId, ledgerId));
    expect(ledgerAudits.map((audit) => audit.trigger)).not.toContain("schedule");

    const again = await addRepository(api.db, api.boss, { owner: "acme", name: "ledger" });
    expect(again.created).toBe(false);
    expect(await listed()).toContain("acme/ledger");
    const body = (await (await history("ledger")).json()) as { audits: { auditId: number }[] };
    expect(body.audits.map((audit) => audit.auditId)).toContain(auditId);
  });

  it("deletes the repository and its history when asked to", async () => {
    const auditId = await connected("billing");
    const response = await disconnect("billing", "?history=delete");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { history: string }).history).toBe("deleted");
    expect(await listed()).not.toContain("acme/billing");
    const rows = await api.db.select({ id: audits.id }).from(audits);
    expect(rows.map((row) => row.id)).not.toContain(auditId);
    // Connected again, it starts from nothing.
    expect((await addRepository(api.db, api.boss, { owner: "acme", name: "billing" })).created).toBe(true);
  });
});
