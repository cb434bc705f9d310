#!/usr/bin/env node
/**
 * `npm start`: builds when the sources are newer than the last build, then serves the app with
 * `next start` on 127.0.0.1. The database (embedded PGlite unless DATABASE_URL is set) is opened
 * and migrated by instrumentation.ts when the server starts. On a PostgreSQL server it runs one
 * `next start` per core on the same port (PARITY_WEB_PROCESSES; scripts/web-cluster.mjs).
 *
 * Options: --port N (default $PORT or 3000), --rebuild (force a build).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: { port: { type: "string" }, rebuild: { type: "boolean", default: false } },
});

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "drizzle",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "proxy.ts",
];
const SKIP = new Set(["node_modules", ".next", "__fixtures__", ".data"]);

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (SKIP.has(entry) || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

// When the last build STARTED: a file edited during a build is newer than this, so the next start
// rebuilds (the build's own output is written later and would hide such an edit).
const STAMP = path.join(root, ".next", "parity-build-started");

function buildState() {
  const built = existsSync(path.join(root, ".next", "BUILD_ID"));
  const stamped = existsSync(STAMP);
  const started = stamped ? Number(readFileSync(STAMP, "utf8")) : 0;
  const changed = built && stamped && SOURCES.some((source) => newestMtime(path.join(root, source)) > started);
  return { rebuild: values.rebuild, built, stamped, changed };
}

// Validate the environment before anything else: a bad value stops here with a sentence naming it.
const { register } = await import("tsx/esm/api");
register();
const { authMode, parseEnv, webProcessCount } = await import("../lib/env.ts");
const { buildReason, githubLine } = await import("./start-words.ts");
let settings;
try {
  // Also refuses a non-loopback HOST without sign-in, unless PARITY_INSECURE_ALLOW_REMOTE=1.
  settings = parseEnv(process.env);
} catch (error) {
  console.error(`parity: cannot start. ${error.message}`);
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

const reason = buildReason(buildState());
if (reason) {
  console.log(`parity: ${reason}`);
  const started = Date.now();
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(STAMP, String(started));
}

const port = values.port ?? process.env.PORT ?? "3000";
const host = settings.HOST;
console.log(`parity: serving http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
if (authMode(settings) === "team") console.log("parity: team mode: sign-in with GitHub, every repository checked");
else if (settings.PARITY_INSECURE_ALLOW_REMOTE === "1")
  console.log(`parity: local mode on ${host} (PARITY_INSECURE_ALLOW_REMOTE): anyone who reaches it sees everything`);
else console.log("parity: local mode: no sign-in, loopback address only (docs/security.md)");
console.log(`parity: ${githubLine(settings)}`);
const nextArgs = ["--hostname", host, "--port", port];
const processes = webProcessCount(settings, availableParallelism());
// One process: `next start` itself. Several (PostgreSQL only): one `next start` per core on the
// same port, through node:cluster (scripts/web-cluster.mjs).
const command =
  processes === 1
    ? [nextBin, "start", ...nextArgs]
    : [path.join(root, "scripts", "web-cluster.mjs"), String(processes), ...nextArgs];
if (processes > 1) console.log(`parity: ${processes} web processes (PARITY_WEB_PROCESSES to change)`);
const server = spawn(process.execPath, command, { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
