/**
 * The engine bench alone in its own process (`npx tsx bench/engine-run.ts`), so its peak RSS is
 * the audit's, not that of the database, GitHub double and servers the other benches load.
 * Prints one JSON line.
 */
import { runEngineBench } from "./engine";

console.log(JSON.stringify(runEngineBench()));
