import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";

/** `next start` for the bench and the load it is measured under. */

const root = path.resolve(import.meta.dirname, "..");

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `node scripts/start.mjs` (which builds first when sources changed) on `port` with the
 * given database settings, in local mode (no sign-in), and waits until it answers.
 */
export async function startServer(
  port: number,
  database: { url?: string; dataDir?: string },
  options: { rebuild?: boolean } = {},
): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", HOST: "127.0.0.1", NODE_ENV: "production" };
  delete env.DATABASE_URL;
  delete env.PARITY_DATA_DIR;
  if (database.url) env.DATABASE_URL = database.url;
  if (database.dataDir) env.PARITY_DATA_DIR = database.dataDir;
  // PGlite is one process: a PARITY_WEB_PROCESSES meant for the server run must not stop this one.
  if (!database.url) delete env.PARITY_WEB_PROCESSES;
  // No GitHub is needed: the bench only reads. An unroutable address makes any stray audit fail fast.
  env.GITHUB_API_URL = "http://127.0.0.1:9";
  const args = ["scripts/start.mjs", "--port", String(port), ...(options.rebuild ? ["--rebuild"] : [])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering`);
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error("the server did not answer within 15 minutes");
    }
    try {
      const response = await fetch(`${url}/settings`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { url, stop: () => stopChild(child, exited) };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  // The group: start.mjs and the `next start` it spawned.
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /** Mean response size in kB. */
  kilobytes: number;
}

/** `connections` clients requesting `url` back to back for `seconds`; latencies from every response. */
export function measureLoad(url: string, connections: number, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let bytes = 0;
    const instance = autocannon({ url, connections, duration: seconds }, (error, result) => {
      if (error) {
        reject(error);
        return;
      }
      latencies.sort((a, b) => a - b);
      resolve({
        requests: latencies.length,
        requestsPerSecond: round(latencies.length / result.duration),
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        p99: percentile(latencies, 0.99),
        max: round(latencies[latencies.length - 1] ?? 0),
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        kilobytes: round(bytes / Math.max(1, latencies.length) / 1024),
      });
    });
    instance.on("response", (_client, _status, size, ms) => {
      latencies.push(ms);
      bytes += size;
    });
  });
}

/** Sequential requests on an idle server: the page's own cost, without queueing. */
export async function measureIdle(url: string, count: number): Promise<{ p50: number; kilobytes: number }> {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    times.push(performance.now() - start);
    size = body.byteLength;
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), kilobytes: round(size / 1024) };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return round(sorted[Math.max(0, index)] ?? 0);
}

const round = (n: number) => Math.round(n * 10) / 10;
