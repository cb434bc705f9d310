/**
 * Engine benchmark (issue: the parity engine): audit time and memory on a 100,000-path monorepo
 * with 500 environment files, and the ratio of engine time to the time spent merely parsing the
 * same files with the same parsers. Targets on a 2-core machine: < 1 s, < 300 MB, ratio <= 1.5.
 */
import { DockerfileParser } from "dockerfile-ast";
import { LineCounter, parseAllDocuments } from "yaml";
import { audit } from "../lib/parity/audit/index";
import type { RepoSnapshot } from "../lib/parity/types";
import { generateMonorepo } from "./monorepo";

export interface EngineBenchResult {
  auditMs: number;
  parseOnlyMs: number;
  ratio: number;
  peakRssMb: number;
  heapUsedMb: number;
  findings: number;
  inventory: number;
}

/**
 * The floor: every file parsed once with the parser the engine uses for it and the engine's options:
 * YAML with a LineCounter (line numbers come from the AST), duplicate keys reported by the formats
 * rather than the parser, and plain (not pretty) errors.
 */
function parseOnly(files: ReadonlyMap<string, string>): number {
  let documents = 0;
  for (const [path, content] of files) {
    if (path.endsWith("Dockerfile")) documents += DockerfileParser.parse(content).getInstructions().length;
    else if (path.endsWith(".yml") || path.endsWith(".yaml")) {
      const options = { lineCounter: new LineCounter(), uniqueKeys: false, prettyErrors: false } as const;
      documents += parseAllDocuments(content, options).length;
    } else documents += content.split("\n").length;
  }
  return documents;
}

/**
 * Each round audits its own copy of the snapshot, as production does (one snapshot per audit):
 * the engine memoises per-snapshot structures on the object identity of `paths` (path-index.ts),
 * and reusing one snapshot would let later rounds skip that work. Copies are made outside the timer.
 */
function freshSnapshot(snapshot: RepoSnapshot): RepoSnapshot {
  return { ...snapshot, paths: [...snapshot.paths], files: new Map(snapshot.files) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function runEngineBench(rounds = 21): EngineBenchResult {
  const snapshot = generateMonorepo();
  const now = new Date("2026-11-26T12:00:00Z");
  // Warm-up: JIT and lazy module initialisation are not what we measure.
  audit(freshSnapshot(snapshot), null, now);
  parseOnly(snapshot.files);

  const auditTimes: number[] = [];
  const parseTimes: number[] = [];
  let report = audit(freshSnapshot(snapshot), null, now);
  let peakRss = process.memoryUsage().rss;
  for (let round = 0; round < rounds; round++) {
    const input = freshSnapshot(snapshot);
    let start = performance.now();
    report = audit(input, null, now);
    auditTimes.push(performance.now() - start);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    start = performance.now();
    parseOnly(snapshot.files);
    parseTimes.push(performance.now() - start);
  }
  const auditMs = median(auditTimes);
  const parseOnlyMs = median(parseTimes);
  // The ratio of each round's pair, then the median: an audit and its parse-only pass run back to
  // back, so a slower moment of this shared machine slows both and cancels out, where a ratio of
  // two medians can pair a fast moment's audit with a slow moment's parse.
  const ratio = median(auditTimes.map((audit, round) => audit / (parseTimes[round] ?? audit)));
  return {
    auditMs: Math.round(auditMs),
    parseOnlyMs: Math.round(parseOnlyMs),
    ratio: Number(ratio.toFixed(2)),
    peakRssMb: Math.round(peakRss / 2 ** 20),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    findings: report.findings.length,
    inventory: report.inventory.length,
  };
}
