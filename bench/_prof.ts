import type { PGlite } from "@electric-sql/pglite";
import type { DatabaseHandle } from "../lib/db/client";
const steps = new Map<string, number[]>();
const counts = new Map<string, number>();
let t0 = 0;
function add(k: string, ms: number) { const a = steps.get(k) ?? []; a.push(ms); steps.set(k, a); }
function pct(a: number[], p: number) { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0; }
export const profile = {
  start() { t0 = performance.now(); },
  step(k: string, ms: number) { add(`ack:${k}`, ms); },
  count(k: string) { counts.set(k, (counts.get(k) ?? 0) + 1); },
  pglite(handle: DatabaseHandle) {
    const pg = (handle.db as unknown as { $client: PGlite }).$client;
    for (const m of ["query", "exec", "transaction"] as const) {
      const orig = (pg as any)[m].bind(pg);
      (pg as any)[m] = async (...args: unknown[]) => {
        const s = performance.now();
        try { return await orig(...args); } finally {
          const label = m === "transaction" ? "TX" : String(args[0]).replace(/\s+/g, " ").trim().slice(0, 50);
          add(`sql:${label}`, performance.now() - s);
        }
      };
    }
  },
  report() {
    const rows = [...steps].map(([k, a]) => ({ k, n: a.length, sum: Math.round(a.reduce((x, y) => x + y, 0)), p50: Math.round(pct(a, 50)), p95: Math.round(pct(a, 95)), max: Math.round(Math.max(...a)) }));
    rows.sort((a, b) => b.sum - a.sum);
    for (const r of rows.slice(0, 30)) console.error(`${String(r.sum).padStart(7)} ms n=${String(r.n).padStart(5)} p50=${r.p50} p95=${r.p95} max=${r.max}  ${r.k}`);
    console.error([...counts]);
  },
};
