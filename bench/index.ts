/**
 * `npm run bench`: the product's speed and memory targets, measured (never timed unit tests).
 * Prints each figure beside its target and exits 1 when one is missed.
 */
import { runEngineBench } from "./engine";

interface Line {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const lines: Line[] = [];
const engine = runEngineBench();
lines.push(
  { name: "engine: audit of 100,000 paths / 500 env files", value: engine.auditMs, unit: "ms", target: 1000 },
  { name: "engine: peak RSS", value: engine.peakRssMb, unit: "MB", target: 300 },
  { name: "engine: audit time / parse-only time", value: engine.ratio, unit: "x", target: 1.5 },
);
console.log(
  `engine: parse-only ${engine.parseOnlyMs} ms, ${engine.inventory} service uses, ${engine.findings} findings, heap ${engine.heapUsedMb} MB`,
);

let missed = 0;
for (const line of lines) {
  const ok = line.value <= line.target;
  if (!ok) missed++;
  console.log(
    `${ok ? "ok  " : "MISS"} ${line.name.padEnd(52)} ${String(line.value).padStart(8)} ${line.unit}  (target <= ${line.target} ${line.unit})`,
  );
}
process.exit(missed > 0 ? 1 : 0);
