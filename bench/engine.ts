/**
 * Engine benchmark (issue: the parity engine): audit time and memory on a 100,000-path monorepo
 * with 500 environment files, and the ratio of engine time to the time spent merely parsing the
 * same files with the same parsers. Targets on a 2-core machine: < 1 s, < 300 MB, ratio <= 1.5.
 */
import { DockerfileParser } from "dockerfile-ast";
import { parseAllDocuments } from "yaml";
import { audit } from "../lib/parity/index";
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

function parseOnly(files: ReadonlyMap<string, string>): number {
  let documents = 0;
  for (const [path, content] of files) {
    if (path.endsWith("Dockerfile")) documents += DockerfileParser.parse(content).getInstructions().length;
    else if (path.endsWith(".yml") || path.endsWith(".yaml")) documents += parseAllDocuments(content).length;
    else documents += content.split("\n").length;
  }
  return documents;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function runEngineBench(rounds = 5): EngineBenchResult {
  const snapshot = generateMonorepo();
  const now = new Date("2026-11-26T12:00:00Z");
  // Warm-up: JIT and lazy module initialisation are not what we measure.
  audit(snapshot, null, now);
  parseOnly(snapshot.files);

  const auditTimes: number[] = [];
  const parseTimes: number[] = [];
  let report = audit(snapshot, null, now);
  let peakRss = process.memoryUsage().rss;
  for (let round = 0; round < rounds; round++) {
    let start = performance.now();
    report = audit(snapshot, null, now);
    auditTimes.push(performance.now() - start);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    start = performance.now();
    parseOnly(snapshot.files);
    parseTimes.push(performance.now() - start);
  }
  const auditMs = median(auditTimes);
  const parseOnlyMs = median(parseTimes);
  return {
    auditMs: Math.round(auditMs),
    parseOnlyMs: Math.round(parseOnlyMs),
    ratio: Number((auditMs / parseOnlyMs).toFixed(2)),
    peakRssMb: Math.round(peakRss / 2 ** 20),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    findings: report.findings.length,
    inventory: report.inventory.length,
  };
}
