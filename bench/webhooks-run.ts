/**
 * The webhook burst alone: `npx tsx bench/webhooks-run.ts [pglite|postgres] [pulls] [deliveries per PR]`.
 * `postgres` needs DATABASE_URL (the bench makes and drops its own database on that server).
 */
import { runWebhookBench } from "./webhooks";

const [driver = "pglite", pulls = "20", perPull = "10"] = process.argv.slice(2);
const serverUrl = driver === "postgres" ? process.env.DATABASE_URL : undefined;
if (driver === "postgres" && !serverUrl) throw new Error("postgres needs DATABASE_URL");
console.log(await runWebhookBench({ serverUrl, pulls: Number(pulls), perPull: Number(perPull) }));
process.exit(0);
