#!/usr/bin/env node
/**
 * `npm test`: every suite, in order, then one line `N passed, N failed` summing them all.
 *
 *  1. static checks: typecheck, lint, schema/migration drift (one test each)
 *  2. unit and database tests (Vitest) on the embedded PGlite
 *  3. the same database tests on the PostgreSQL server named by DATABASE_URL, when it is set
 *  4. e2e tests (Playwright) in Debian's Chromium against `npm start` — on a fresh database of
 *     the server when DATABASE_URL is set, else on a fresh embedded one
 *
 * Options: --skip-e2e (for a quick local loop; CI never passes it).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { "skip-e2e": { type: "boolean", default: false } } });
const CHROMIUM = "/usr/bin/chromium";
const serverUrl = process.env.DATABASE_URL || "";
const results = [];
mkdirSync(path.join(root, "test-results"), { recursive: true });

function run(command, args, env) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return result.status ?? 1;
}

function record(suite, passed, failed) {
  results.push({ suite, passed, failed });
  console.log(`\n── ${suite}: ${passed} passed, ${failed} failed\n`);
}

const bin = (name) => path.join(root, "node_modules", ".bin", name);

// 1. Static checks.
for (const [name, command, args] of [
  ["typecheck", bin("tsc"), ["--noEmit", "-p", "."]],
  ["lint", bin("biome"), ["check", "."]],
  ["schema drift", process.execPath, ["scripts/db-check.mjs"]],
]) {
  const ok = run(command, args) === 0;
  record(name, ok ? 1 : 0, ok ? 0 : 1);
}

// 2. Unit + database tests on PGlite.
function vitest(suite, files, env) {
  const output = path.join(root, "test-results", `vitest-${suite.replace(/\W+/g, "-")}.json`);
  const status = run(
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${output}`, ...files],
    env,
  );
  try {
    const report = JSON.parse(readFileSync(output, "utf8"));
    // A file that fails to load has no tests: count it as a failure so it is never invisible.
    const brokenFiles = report.testResults.filter(
      (file) => file.status === "failed" && file.assertionResults.length === 0,
    ).length;
    record(suite, report.numPassedTests, report.numFailedTests + brokenFiles);
  } catch {
    record(suite, 0, status === 0 ? 0 : 1);
  }
}
vitest("unit and database tests on PGlite", [], { DATABASE_URL: "" });

// 3. The database tests again, on the PostgreSQL server.
function databaseTestFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (entry === "node_modules" || entry.startsWith(".")) return [];
    if (statSync(full).isDirectory()) return databaseTestFiles(full);
    if (!entry.endsWith(".test.ts")) return [];
    // A test opens a database itself, or through the API handlers' test context.
    const text = readFileSync(full, "utf8");
    return text.includes("openTestDatabase(") || text.includes("openTestApiContext(")
      ? [path.relative(root, full)]
      : [];
  });
}
if (serverUrl) {
  const files = ["lib", "cli", "tests"]
    .filter((dir) => existsSync(path.join(root, dir)))
    .flatMap((dir) => databaseTestFiles(path.join(root, dir)));
  vitest("database tests on PostgreSQL", files, { DATABASE_URL: serverUrl });
} else {
  console.log("\n── database tests on PostgreSQL: not run (DATABASE_URL is not set)\n");
}

// 4. E2e in a real browser.
if (values["skip-e2e"]) {
  console.log("\n── e2e: skipped on request (--skip-e2e)\n");
} else if (!existsSync(CHROMIUM)) {
  console.error(`\nChromium is missing at ${CHROMIUM}: install it with  sudo apt-get install -y chromium\n`);
  record("e2e", 0, 1);
} else {
  const env = serverUrl ? { DATABASE_URL: createE2eDatabase(serverUrl) } : { DATABASE_URL: "" };
  const status = run(bin("playwright"), ["test"], env);
  try {
    const report = JSON.parse(readFileSync(path.join(root, "test-results", "e2e-results.json"), "utf8"));
    const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
    record("e2e in Chromium", expected + flaky, unexpected + (status !== 0 && unexpected === 0 ? 1 : 0));
  } catch {
    record("e2e in Chromium", 0, 1);
  }
}

/** A fresh database on the server for one e2e run, so runs never see each other's data. */
function createE2eDatabase(url) {
  const name = `parity_e2e_${Date.now().toString(36)}`;
  const status = run("psql", [url, "-v", "ON_ERROR_STOP=1", "-qc", `create database "${name}"`]);
  if (status !== 0) throw new Error(`Could not create the e2e database ${name} on ${url}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log("\nSummary:");
for (const r of results) console.log(`  ${r.suite.padEnd(40)} ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
