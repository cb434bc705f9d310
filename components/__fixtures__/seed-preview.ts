/**
 * Seeds a PGlite directory with three audited repositories (26 weekly audits each, deploys) so the
 * populated dashboard can be rendered and checked by hand: `npx tsx components/__fixtures__/seed-preview.ts DIR`.
 */
import { openDatabase } from "@/lib/db/client";
import { completeAudit, createAudit } from "@/lib/db/queries/audits";
import { upsertRepository } from "@/lib/db/queries/repositories";
import type { Deploy, Level, Report } from "@/lib/parity/types";
import { checkoutReport } from "./checkout-report";

const dir = process.argv[2] ?? "/tmp/dash-preview/db";
const handle = await openDatabase({ dataDir: dir });
const db = handle.db;
const now = Date.now();
const WEEK = 7 * 86_400_000;

const plans: { owner: string; name: string; base: number; level: Level | null; drift: boolean }[] = [
  { owner: "acme", name: "checkout", base: 40, level: "bronze", drift: true },
  { owner: "acme", name: "search", base: 70, level: "silver", drift: false },
  { owner: "acme", name: "a-very-long-repository-name-for-narrow-screens", base: 20, level: null, drift: true },
];

for (const plan of plans) {
  const repo = await upsertRepository(db, { owner: plan.owner, name: plan.name, defaultBranch: "main" });
  if (!repo) throw new Error("no repository");
  const deploys: Deploy[] = Array.from({ length: 12 }, (_, i) => ({
    id: `d${i}`,
    environment: "production",
    sha: `${i}abcdef0123456789`.padEnd(40, "0"),
    deployedAt: new Date(now - (12 - i) * 10 * 86_400_000).toISOString(),
    creator: { id: "alice", isBot: false },
    source: "deployment",
    trigger: "automatic",
  }));
  for (let week = 25; week >= 0; week -= 1) {
    const auditedAt = new Date(now - week * WEEK);
    const audit = await createAudit(db, { repositoryId: repo.id, trigger: week === 0 ? "manual" : "history", auditedAt });
    const overall = plan.base + (25 - week);
    const resolved = week < 8;
    const report: Report = {
      ...checkoutReport,
      repository: `${plan.owner}/${plan.name}`,
      commit: `${week}f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a3`.slice(0, 40),
      auditedAt: auditedAt.toISOString(),
      level: plan.level,
      scores: { overall, tools: overall - 9, time: 62, personnel: plan.drift ? null : 75 },
      findings: checkoutReport.findings.filter((f) => !(resolved && f.check === "lead-time") && (plan.drift || f.check !== "db-engine")),
    };
    await completeAudit(db, audit.id, {
      report,
      requests: 40,
      rateLimitCost: 1,
      finishedAt: new Date(auditedAt.getTime() + 60_000),
      history: { commits: [], deploys, complete: true },
    });
  }
}
await handle.close();
console.log("seeded", dir);
