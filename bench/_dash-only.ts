import { runDashboardBench } from "./dashboard";
const lines = await runDashboardBench(process.argv.slice(2));
for (const l of lines) console.log(`${l.name.padEnd(56)} ${String(l.value).padStart(8)} ${l.unit}${l.target ? ` (target ${l.target})` : ""}`);
process.exit(0);
