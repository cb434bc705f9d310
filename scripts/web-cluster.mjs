/**
 * Several `next start` processes on one port (node:cluster): the primary owns the listening
 * socket and hands connections to the workers in turn. Rendering a page is CPU-bound and one
 * Node process uses one core, so on a PostgreSQL server `npm start` runs one worker per core
 * (scripts/start.mjs decides how many; docs/development.md). Every worker is a whole Parity: it
 * opens the database, runs audit jobs from the shared queue and keeps its own read memo, which
 * checks the database's version on every read, so workers never serve each other's stale data.
 *
 * Usage: node scripts/web-cluster.mjs <processes> <next start arguments...>
 */
import cluster from "node:cluster";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const [count, ...nextArgs] = process.argv.slice(2);
const processes = Number(count);
if (!Number.isInteger(processes) || processes < 1) {
  console.error(`web-cluster: expected a process count, got ${count}`);
  process.exit(2);
}

/** A worker that dies this soon after it started is failing to start, not crashing in service. */
const EARLY_EXIT_MS = 10_000;
/** Early exits in a row after which the primary gives up (a bad port or setting, not bad luck). */
const EARLY_EXITS_ALLOWED = 3;

cluster.setupPrimary({ exec: nextBin, args: ["start", ...nextArgs] });
const startedAt = new Map();
let earlyExits = 0;
let stopping = false;
/** 0 for a requested stop; the failing process's code when they kept exiting at start. */
let stopCode = 0;

function fork() {
  const worker = cluster.fork();
  startedAt.set(worker.id, Date.now());
}

cluster.on("exit", (worker, code, signal) => {
  const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
  startedAt.delete(worker.id);
  if (stopping) {
    if (startedAt.size === 0) process.exit(stopCode);
    return;
  }
  earlyExits = lived < EARLY_EXIT_MS ? earlyExits + 1 : 0;
  if (earlyExits >= EARLY_EXITS_ALLOWED) {
    console.error(`parity: web processes keep exiting at start (last: ${signal ?? `code ${code}`}); stopping`);
    stopAll("SIGTERM", code || 1);
    return;
  }
  console.error(`parity: a web process exited (${signal ?? `code ${code}`}); starting another`);
  setTimeout(fork, lived < EARLY_EXIT_MS ? 1_000 : 0);
});

function stopAll(signal, exitCode = 0) {
  stopping = true;
  stopCode = exitCode;
  if (startedAt.size === 0) process.exit(exitCode);
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  // Workers finish their requests and close the database; a stuck one is not waited for forever.
  setTimeout(() => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
    process.exit(exitCode);
  }, 10_000).unref();
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(signal));

// The first process opens a fresh database alone: migrations and pg-boss's own tables, created by
// several processes at once, deadlock. It reports "ready" from instrumentation-node.ts once
// both are in place; then the others start (and a replaced process starts at once).
fork();
cluster.on("message", function startTheOthers(_worker, message) {
  if (message?.parity !== "ready") return;
  cluster.off("message", startTheOthers);
  for (let i = 1; i < processes; i += 1) fork();
});
