/**
 * `npm run bench -- --dashboard`: seeds 1,000 repositories x 365 daily audits with findings, prints
 * the plans of the trend queries, then measures the overview and a scorecard under load against
 * `next start`, on PostgreSQL and on PGlite. Options (after `--`): `--driver postgres|pglite|both`,
 * `--repos N`, `--days N`, `--connections 8,2` (each count in turn), `--seconds N`, `--reuse` (keep an already seeded
 * database), `--seed-only` (seed, print the plans and stop), `--rebuild` (build the app first). Each size gets a
 * database of its own (`parity_bench_1000x365`, `.data/bench-pglite-1000x365`), so `--reuse` can switch between
 * 1,000 and 10,000 repositories without seeding again. See docs/development.md.
 */
import { rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { seedDashboard, seededRepositories } from "../lib/db/bench/seed-dashboard";
import { type DatabaseHandle, openDatabase } from "../lib/db/client";
import { findRepository } from "../lib/db/queries/repositories";
import {
  markerFindingsQuery,
  organisationTrendQuery,
  scorecardHistoryQuery,
  weeklyTrendQuery,
} from "../lib/db/queries/trend-queries";
import { lastWeeks } from "../lib/db/queries/weeks";
import { parseEnv, webProcessCount } from "../lib/env";
import { measureIdle, measureLoad, startServer } from "./load";

export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  /** Absent: a figure reported without a target. */
  target?: number;
}

type Driver = "postgres" | "pglite";

const root = path.resolve(import.meta.dirname, "..");
const SCORECARD = "bench/service-0500";
/** p95 targets, on PostgreSQL and on PGlite (issue 6, item 9; issue 14, item 15). */
const TARGETS = { overview: 300, scorecard: 200 };

export function dashboardRequested(argv: readonly string[]): boolean {
  return argv.includes("--dashboard");
}

export async function runDashboardBench(argv: readonly string[]): Promise<BenchLine[]> {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    options: {
      driver: { type: "string", default: "both" },
      repos: { type: "string", default: "1000" },
      days: { type: "string", default: "365" },
      // A crowded moment (8 requests in flight at once) and a team's ordinary use (2).
      connections: { type: "string", default: "8,2" },
      seconds: { type: "string", default: "20" },
      reuse: { type: "boolean", default: false },
      "seed-only": { type: "boolean", default: false },
      rebuild: { type: "boolean", default: false },
    },
  });
  const settings = {
    repositories: Number(values.repos),
    days: Number(values.days),
    connections: String(values.connections)
      .split(",")
      .map(Number)
      .filter((n) => n > 0),
    seconds: Number(values.seconds),
    reuse: values.reuse === true,
    seedOnly: values["seed-only"] === true,
    rebuild: values.rebuild === true,
  };
  for (const [flag, value] of [
    ["--repos", settings.repositories],
    ["--days", settings.days],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} must be a whole number above 0`);
  }
  // The scorecard measured is service-0500: it must exist.
  if (settings.repositories <= 500)
    throw new Error("--repos must be above 500 (the scorecard measured is service-0500)");
  const drivers: Driver[] = values.driver === "both" ? ["postgres", "pglite"] : [values.driver as Driver];
  const lines: BenchLine[] = [];
  for (const [index, driver] of drivers.entries())
    lines.push(...(await benchDriver(driver, { ...settings, rebuild: settings.rebuild && index === 0 })));
  return lines;
}

interface Settings {
  repositories: number;
  days: number;
  /** Each is measured in turn; the targets apply to every one. */
  connections: number[];
  seconds: number;
  reuse: boolean;
  /** Seed (and print the plans) without starting the app. */
  seedOnly: boolean;
  /** Build the app before starting it, whatever the build's date says. */
  rebuild: boolean;
}

async function benchDriver(driver: Driver, settings: Settings): Promise<BenchLine[]> {
  const database = driver === "postgres" ? await postgresBenchDatabase(settings) : pgliteBenchDirectory(settings);
  const lines: BenchLine[] = [];
  const handle = await openDatabase(database);
  try {
    const seeded = await seededRepositories(handle.db);
    if (seeded < settings.repositories) {
      const start = performance.now();
      const result = await seedDashboard(handle.db, { repositories: settings.repositories, days: settings.days });
      const seconds = Math.round((performance.now() - start) / 100) / 10;
      console.log(`dashboard/${driver}: seeded ${JSON.stringify(result)} in ${seconds} s`);
      lines.push({
        name: `dashboard/${driver}: seed ${settings.repositories} x ${settings.days}`,
        value: seconds,
        unit: "s",
      });
    } else {
      console.log(`dashboard/${driver}: reusing ${seeded} seeded repositories`);
    }
    await printPlans(handle, driver);
  } finally {
    await handle.close();
  }
  if (settings.seedOnly) return lines;

  const port = driver === "postgres" ? 3201 : 3202;
  const server = await startServer(port, database, { rebuild: settings.rebuild });
  // What `npm start` runs on this database: one web process per core on a server, one on PGlite.
  const processes = webProcessCount(
    parseEnv({ ...process.env, DATABASE_URL: "url" in database ? database.url : "" }),
    availableParallelism(),
  );
  console.log(`dashboard/${driver}: next start with ${processes} web process${processes === 1 ? "" : "es"}`);
  try {
    const pages = [
      { key: "overview" as const, path: "/" },
      { key: "scorecard" as const, path: `/repos/${SCORECARD}` },
    ];
    for (const page of pages) {
      const url = `${server.url}${page.path}`;
      const idle = await measureIdle(url, 10);
      const name = `dashboard/${driver}: ${page.key}`;
      lines.push({ name: `${name} idle p50 (${idle.kilobytes} kB, ${processes} proc)`, value: idle.p50, unit: "ms" });
      for (const connections of settings.connections) {
        const load = await measureLoad(url, connections, settings.seconds);
        console.log(
          `dashboard/${driver} ${page.key}: idle p50 ${idle.p50} ms, ${idle.kilobytes} kB; ${connections} connections x ${settings.seconds} s: ${JSON.stringify(load)}`,
        );
        if (load.non2xx > 0 || load.errors > 0)
          throw new Error(`${url}: ${load.non2xx} non-2xx, ${load.errors} errors`);
        lines.push(
          { name: `${name} p50 (${connections} conn)`, value: load.p50, unit: "ms" },
          {
            name: `${name} p95 (${connections} conn)`,
            value: load.p95,
            unit: "ms",
            target: TARGETS[page.key],
          },
          { name: `${name} requests/s (${connections} conn)`, value: load.requestsPerSecond, unit: "req/s" },
        );
      }
    }
  } finally {
    await server.stop();
  }
  return lines;
}

/** `1000x365`: the size a bench database was seeded for, part of its name. */
function sizeOf(settings: Settings): string {
  return `${Math.trunc(settings.repositories)}x${Math.trunc(settings.days)}`;
}

/** A fresh `parity_bench_<size>` database beside the one DATABASE_URL names (or the local default). */
async function postgresBenchDatabase(settings: Settings): Promise<{ url: string }> {
  const base = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `parity_bench_${sizeOf(settings)}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists && !settings.reuse) await admin.unsafe(`drop database ${name} with (force)`);
    if (!exists || !settings.reuse) await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return { url: url.toString() };
}

function pgliteBenchDirectory(settings: Settings): { dataDir: string } {
  const dataDir = path.join(root, ".data", `bench-pglite-${sizeOf(settings)}`);
  if (!settings.reuse) rmSync(dataDir, { recursive: true, force: true });
  return { dataDir };
}

async function printPlans(handle: DatabaseHandle, driver: Driver): Promise<void> {
  const now = new Date();
  const since = lastWeeks(now, 26)[0] ?? "1970-01-01";
  const repository = await findRepository(handle.db, { owner: "bench", name: SCORECARD.split("/")[1] ?? "" });
  if (!repository) throw new Error(`${SCORECARD} was not seeded`);
  const history = await scorecardHistoryQuery(handle.db, repository.id, new Date(`${since}T00:00:00Z`));
  const queries = [
    ["overview: weekly sparklines", weeklyTrendQuery(handle.db, since).toSQL()],
    ["overview: organisation trend", organisationTrendQuery(handle.db, since).toSQL()],
    [
      "scorecard: 26-week history",
      scorecardHistoryQuery(handle.db, repository.id, new Date(`${since}T00:00:00Z`)).toSQL(),
    ],
    [
      "scorecard: trend markers",
      markerFindingsQuery(
        handle.db,
        repository.id,
        history.map((h) => h.auditId),
      ).toSQL(),
    ],
  ] as const;
  for (const [name, query] of queries) {
    const plan = await explain(handle, `explain (analyze, buffers) ${query.sql}`, query.params);
    console.log(`\n-- ${driver}: ${name}\n${plan}`);
  }
}

/** EXPLAIN through the driver's own client (drizzle's `execute` answers differently per driver). */
async function explain(handle: DatabaseHandle, text: string, params: unknown[]): Promise<string> {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.driver === "postgres") {
    const rows = await (client as postgres.Sql).unsafe(text, params as postgres.ParameterOrJSON<never>[]);
    return planText(rows);
  }
  const result = await (
    client as { query(t: string, p: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }
  ).query(text, params);
  return planText(result.rows);
}

/** Plan lines, with the long id lists of `= ANY (...)` cut short. */
function planText(rows: readonly Record<string, unknown>[]): string {
  return rows
    .map((row) => String(Object.values(row)[0]))
    .map((line) => (line.length > 160 ? `${line.slice(0, 157)}...` : line))
    .join("\n");
}
