/**
 * CLI cold start (issue: Parity in every team's CI), as whole processes the way CI runs them: the
 * compiled CLI on a one-file repository and on the 100,000-path monorepo written to disk, against
 * `node -e 0` and against a process that only lists the directory, reads the same files the CLI
 * reads and parses them (bench/cli-parse-only.mjs). Targets on a 2-core machine: one file under 0.3 s; the monorepo
 * within 1.3x the parse-only process.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { claimedPaths } from "../lib/parity/formats/registry";
import { generateMonorepo } from "./monorepo";

export interface CliStartResult {
  nodeMs: number;
  oneFileMs: number;
  monorepoMs: number;
  parseOnlyMs: number;
  ratio: number;
}

const root = path.resolve(import.meta.dirname, "..");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median wall time of a process, in ms, over `runs` runs after one warm-up (the file cache). */
function timeProcess(args: string[], runs: number): number {
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    execFileSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], cwd: root });
    if (run > 0) times.push(performance.now() - started);
  }
  return Math.round(median(times));
}

/**
 * The bench monorepo on disk: every path a file, the 500 environment files with their contents.
 * Returns the paths the CLI reads (what the formats claim: test files and config modules too).
 */
function writeMonorepo(dir: string): string[] {
  const snapshot = generateMonorepo();
  const made = new Set<string>();
  for (const file of snapshot.paths) {
    const parent = path.dirname(path.join(dir, file));
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(path.join(dir, file), snapshot.files.get(file) ?? "");
  }
  return claimedPaths(snapshot.paths);
}

export function runCliStartBench(runs = 7): CliStartResult {
  const scratch = mkdtempSync(path.join(tmpdir(), "parity-cli-bench-"));
  try {
    const bundleDir = path.join(scratch, "dist");
    execFileSync(process.execPath, ["scripts/build-cli.mjs", "--outdir", bundleDir], { cwd: root, stdio: "ignore" });
    const cli = path.join(bundleDir, "parity.mjs");
    const oneFile = path.join(scratch, "one-file");
    mkdirSync(oneFile);
    writeFileSync(path.join(oneFile, "Dockerfile"), 'FROM node:20-alpine\nCMD ["node", "server.js"]\n');
    const monorepo = path.join(scratch, "monorepo");
    const claimedList = path.join(scratch, "claimed.txt");
    writeFileSync(claimedList, writeMonorepo(monorepo).join("\n"));
    const audit = (dir: string) => [cli, "audit", dir, "--no-history", "--format", "json"];
    const monorepoMs = timeProcess(audit(monorepo), runs);
    const parseOnlyMs = timeProcess([path.join(root, "bench", "cli-parse-only.mjs"), monorepo, claimedList], runs);
    return {
      nodeMs: timeProcess(["-e", "0"], runs),
      oneFileMs: timeProcess(audit(oneFile), runs),
      monorepoMs,
      parseOnlyMs,
      ratio: Math.round((monorepoMs / parseOnlyMs) * 100) / 100,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
