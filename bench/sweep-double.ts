/**
 * The org sweep's GitHub double in a worker thread: GitHub is another machine, so its CPU must
 * not be billed to the auditing side. Seeds the org, listens on port 0, answers "reset" and
 * "stats" messages with the double's own request log.
 */
import { parentPort, workerData } from "node:worker_threads";
import { startGitHubDouble } from "../github-double/server";
import { seedOrg } from "./sweep-org";

export interface DoubleStats {
  requests: number;
  points: number;
  only304: boolean;
}

const port = parentPort;
if (!port) throw new Error("sweep-double runs as a worker thread");
const started = performance.now();
const { world, names } = seedOrg(Number((workerData as { count: number }).count));
const seedSeconds = (performance.now() - started) / 1000;
const double = await startGitHubDouble({ world });
port.postMessage({ type: "ready", url: double.url, names, seedSeconds });
port.on("message", async (message: { type: string }) => {
  if (message.type === "reset") {
    double.resetLog();
    port.postMessage({ type: "reset" });
  } else if (message.type === "stats") {
    const log = double.log;
    const stats: DoubleStats = {
      requests: log.length,
      points: log.reduce((sum, r) => sum + r.cost, 0),
      only304: log.every((r) => r.status === 304),
    };
    port.postMessage({ type: "stats", stats });
  } else if (message.type === "close") {
    await double.close();
    port.close();
  }
});
