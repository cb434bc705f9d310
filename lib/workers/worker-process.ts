import { getDatabaseHandle } from "../db/client";
import { env } from "../env";
import { startProcessWorker, stopProcessWorker } from "./start";

/** The body of `npm run worker`: start, work until SIGINT/SIGTERM, then stop gracefully. */
export async function runWorkerProcess(): Promise<void> {
  if (!env().DATABASE_URL) {
    console.error(
      "npm run worker needs DATABASE_URL: extra workers share a PostgreSQL server. With the embedded database, the web process is the only worker.",
    );
    process.exitCode = 1;
    return;
  }
  await startProcessWorker({ concurrency: 2 });
  console.log("parity worker: waiting for audits");
  const stop = async () => {
    await stopProcessWorker();
    await (await getDatabaseHandle()).close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
