import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { installationClients } from "../lib/bot/app-client";
import { COMMENT_MARKER } from "../lib/bot/comment";
import { prAuditCount, webhookDrainState } from "../lib/db/bench/webhook-drain";
import { openScratchDatabase } from "../lib/db/scratch-database";
import { createBoss } from "../lib/jobs/boss";
import { memoryCache } from "../lib/sources/github/index";
import { appKey, SECRET, signedRequest } from "../lib/webhooks/__fixtures__/shop";
import { createDispatcher } from "../lib/webhooks/dispatch";
import { receiveWebhook } from "../lib/webhooks/receive";
import { startBotWorker } from "../lib/workers/bot-worker";

/**
 * Webhook burst: 200 signed pull_request deliveries (20 PRs: opened + 9 synchronize each) at 50
 * per second against the real route handler (`receiveWebhook` with the process dispatcher, what
 * app/api/github/webhooks runs) served by node:http, with the database, pg-boss and the bot's
 * worker (production settings: 2 PR audits at once, 2 s polling) in the same process, as
 * `npm start` runs them. The GitHub double runs in a child process that also sends the
 * deliveries, as GitHub would. Measures the acknowledgement latency, waits for the jobs to drain
 * (bounded), then counts the bot's comments on each PR in the double. Before the burst, 20 `ping`
 * deliveries warm the server up (pool connections, compiled code); they are not measured.
 *
 * Drivers: the embedded PGlite, and a PostgreSQL server (a fresh database on DATABASE_URL's
 * server, dropped afterwards). Alone: `npx tsx bench/webhooks-run.ts [pglite|postgres]`.
 */

export interface WebhookBenchOptions {
  /** A postgres:// URL: the bench creates its own database on that server. Absent: PGlite. */
  serverUrl?: string;
  pulls?: number;
  perPull?: number;
  rate?: number;
  /** Longest wait for the PR audits to drain after the burst (default 120 s). */
  drainBoundMs?: number;
}

export interface WebhookFigures {
  driver: "pglite" | "postgres";
  deliveries: number;
  statuses: Record<string, number>;
  sentMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The insert, the one statement before the answer, as the handler timed it. */
  insertP95Ms: number;
  drainMs: number;
  drained: boolean;
  /** At the end of the drain: PRs whose newest audit is not of their final head, deliveries still queued, PR locks held. */
  left: { pulls: number; queued: number; locks: number };
  prAudits: number;
  pulls: number;
  pullsWithExactlyOneComment: number;
  /** comments on a PR → how many PRs have that many. */
  commentsPerPull: Record<string, number>;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

export async function runWebhookBench(options: WebhookBenchOptions = {}): Promise<WebhookFigures> {
  const pulls = options.pulls ?? 20;
  const perPull = options.perPull ?? 10;
  const rate = options.rate ?? 50;
  const drainBoundMs = options.drainBoundMs ?? 120_000;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "bench/webhooks-double.ts", String(pulls), String(perPull)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async <T>() => JSON.parse(String((await lines.next()).value)) as T;
  const world = await next<{ url: string }>();

  const handle = await openScratchDatabase(options.serverUrl, "parity_bench");
  const boss = await createBoss(handle, { url: handle.url });
  await startBotWorker(boss, {
    db: handle.db,
    // The double, like a GHES without rate limits, needs no write spacing (GITHUB_WRITE_INTERVAL_MS=0).
    appClient: installationClients(
      world.url,
      { appId: "1", privateKey: appKey() },
      { writeIntervalMs: 0, commentIntervalMs: 0 },
    ),
    gate: "high",
    serverUrl: "https://github.com",
    cache: memoryCache(),
  });
  const inserts: number[] = [];
  let measuring = false;
  const deps = {
    secret: SECRET,
    db: async () => handle.db,
    dispatch: createDispatcher(async () => boss),
    onTiming: (step: string, ms: number) => {
      if (step === "insert" && measuring) inserts.push(ms);
    },
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    const response = await receiveWebhook(
      new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: "POST", headers, body: Buffer.concat(chunks) }),
      deps,
    );
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;

  // Warm-up, not measured: a deployed server has its pool's connections open and its code compiled.
  await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const ping = await signedRequest(url, "ping", { zen: "Keep it logically awesome.", hook_id: i });
      await (await fetch(url, { method: "POST", headers: ping.headers, body: await ping.text() })).text();
    }),
  );
  measuring = true;
  child.stdin.write(`${JSON.stringify({ send: url, rate })}\n`);
  const sent = await next<{
    acks: number[];
    statuses: Record<string, number>;
    sentMs: number;
    heads: Record<string, string[]>;
  }>();

  // Drained: each PR's newest audit is of its final head, no delivery waits, no audit runs.
  const finalHead = new Map(Object.entries(sent.heads).map(([n, list]) => [Number(n), list[list.length - 1]]));
  const drainStart = performance.now();
  let drained = false;
  let left = { pulls: 0, queued: 0, locks: 0 };
  while (!drained && performance.now() - drainStart < drainBoundMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const state = await webhookDrainState(handle.db);
    const done = new Set(state.audited.filter((r) => finalHead.get(r.number) === r.headSha).map((r) => r.number));
    left = { pulls: pulls - done.size, queued: state.queuedDeliveries, locks: state.heldLocks };
    drained = left.pulls === 0 && left.queued === 0 && left.locks === 0;
  }
  const drainMs = performance.now() - drainStart;

  const perPullCounts: number[] = [];
  for (let n = 1; n <= pulls; n += 1) {
    const response = await fetch(`${world.url}/repos/acme/shop/issues/${n}/comments?per_page=100`, {
      headers: { authorization: "token bench-reader" },
    });
    const comments = (await response.json()) as { body: string }[];
    perPullCounts.push(comments.filter((c) => c.body.includes(COMMENT_MARKER)).length);
  }
  const audits = await prAuditCount(handle.db);
  server.close();
  await boss.stop({ graceful: false, wait: true });
  child.stdin.end();
  await handle.close();
  const commentsPerPull: Record<string, number> = {};
  for (const n of perPullCounts) commentsPerPull[n] = (commentsPerPull[n] ?? 0) + 1;
  return {
    driver: handle.driver,
    deliveries: sent.acks.length,
    statuses: sent.statuses,
    sentMs: Math.round(sent.sentMs),
    p50Ms: round1(percentile(sent.acks, 50)),
    p95Ms: round1(percentile(sent.acks, 95)),
    maxMs: round1(Math.max(...sent.acks)),
    insertP95Ms: round1(percentile(inserts, 95)),
    drainMs: Math.round(drainMs),
    drained,
    left,
    prAudits: audits,
    pulls,
    pullsWithExactlyOneComment: perPullCounts.filter((n) => n === 1).length,
    commentsPerPull,
  };
}
