/**
 * `npm run bench`: the product's speed and memory targets, measured (never timed unit tests).
 * Prints each figure beside its target and exits 1 when one is missed.
 */
import { execFileSync } from "node:child_process";
import { runCliStartBench } from "./cli-start";
import { dashboardRequested, runDashboardBench } from "./dashboard";
import type { EngineBenchResult } from "./engine";
import { runSweepBench } from "./sweep";
import { runWebhookBench } from "./webhooks";

interface Line {
  name: string;
  value: number;
  unit: string;
  /** Absent: a figure reported without a target. */
  target?: number;
}

const lines: Line[] = [];
// In a process of its own: this one has already loaded PGlite, octokit and the double.
const engine = JSON.parse(
  execFileSync(process.execPath, ["--import", "tsx", "bench/engine-run.ts"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .at(-1) ?? "{}",
) as EngineBenchResult;
lines.push(
  { name: "engine: audit of 100,000 paths / 500 env files", value: engine.auditMs, unit: "ms", target: 1000 },
  { name: "engine: peak RSS", value: engine.peakRssMb, unit: "MB", target: 300 },
  { name: "engine: audit time / parse-only time", value: engine.ratio, unit: "x", target: 1.5 },
);
console.log(
  `engine: parse-only ${engine.parseOnlyMs} ms, ${engine.inventory} service uses, ${engine.findings} findings, heap ${engine.heapUsedMb} MB`,
);

const cli = runCliStartBench();
lines.push(
  { name: "CLI: cold start, one-file repository", value: cli.oneFileMs, unit: "ms", target: 300 },
  { name: "CLI: 100,000-path monorepo / list+read+parse-only process", value: cli.ratio, unit: "x", target: 1.3 },
);
console.log(
  `CLI: node -e 0 ${cli.nodeMs} ms; monorepo ${cli.monorepoMs} ms, list+read+parse-only ${cli.parseOnlyMs} ms (processes, median of 7)`,
);

// The dashboard bench seeds a large database and starts the app: only on request (docs/development.md).
if (dashboardRequested(process.argv)) lines.push(...(await runDashboardBench(process.argv.slice(2))));

const sweep = await runSweepBench(1000, 16);
lines.push(
  { name: "org sweep: requests, 1,000 repos (first sweep)", value: sweep.first.requests, unit: "req", target: 3000 },
  { name: "org sweep: wall time (first sweep)", value: sweep.first.seconds, unit: "s", target: 60 },
  { name: "org sweep: rate-limit points (second sweep)", value: sweep.second.points, unit: "pt", target: 0 },
  {
    name: "org sweep: failed audits (both sweeps)",
    value: sweep.first.failed + sweep.second.failed,
    unit: "",
    target: 0,
  },
);
console.log(
  `org sweep: ${sweep.repositories} repos at concurrency ${sweep.concurrency}; first ${sweep.first.requests} requests, ${sweep.first.points} points, ${sweep.first.seconds} s (${sweep.first.cpuSeconds} s CPU); second ${sweep.second.requests} requests (${sweep.second.only304 ? "all 304" : "not all 304"}), ${sweep.second.points} points, ${sweep.second.seconds} s; seeding ${sweep.seedSeconds} s`,
);

// The webhook burst on the embedded PGlite, and on the PostgreSQL server when DATABASE_URL names
// one (a team's deployment; the bench makes and drops its own database there).
const webhookRuns = [await runWebhookBench()];
if (process.env.DATABASE_URL) webhookRuns.push(await runWebhookBench({ serverUrl: process.env.DATABASE_URL }));
for (const webhooks of webhookRuns) {
  const on = webhooks.driver === "pglite" ? "PGlite" : "PostgreSQL";
  lines.push(
    { name: `webhooks (${on}): p95 ack, 200 deliveries at 50/s`, value: webhooks.p95Ms, unit: "ms", target: 100 },
    {
      name: `webhooks (${on}): PRs without exactly one comment`,
      value: webhooks.pulls - webhooks.pullsWithExactlyOneComment,
      unit: "PRs",
      target: 0,
    },
    { name: `webhooks (${on}): runs not drained within 120 s`, value: webhooks.drained ? 0 : 1, unit: "", target: 0 },
  );
  console.log(
    `webhooks (${on}): p50 ${webhooks.p50Ms} ms, max ${webhooks.maxMs} ms, insert p95 ${webhooks.insertP95Ms} ms, statuses ${JSON.stringify(webhooks.statuses)}; drain ${webhooks.drainMs} ms after the burst, ${webhooks.prAudits} PR audits, comments per PR ${JSON.stringify(webhooks.commentsPerPull)}`,
  );
}

let missed = 0;
for (const line of lines) {
  const ok = line.target === undefined || line.value <= line.target;
  if (!ok) missed++;
  const target = line.target === undefined ? "" : `  (target <= ${line.target} ${line.unit})`;
  console.log(
    `${line.target === undefined ? "    " : ok ? "ok  " : "MISS"} ${line.name.padEnd(52)} ${String(line.value).padStart(8)} ${line.unit}${target}`,
  );
}
process.exit(missed > 0 ? 1 : 0);
