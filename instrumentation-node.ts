import { getDatabaseHandle } from "./lib/db/client";
import { env } from "./lib/env";
import { quietClientAborts } from "./lib/security/client-aborts";
import { installPeerHeaders } from "./lib/security/peer-headers";

// First: every request from now on carries its socket's addresses for the proxy (rate limits,
// local mode's loopback check); see lib/security/peer-headers.ts.
installPeerHeaders();
// A client that disconnects mid-upload is not a server error (lib/security/client-aborts.ts).
quietClientAborts();

// Validate the environment first: a bad value stops start-up with a sentence naming it.
env();
// Open the database and apply pending migrations before the first request.
await getDatabaseHandle();
// Run audit jobs in this process too (with PGlite it is the only worker; see docs/jobs.md).
const { startProcessWorker } = await import("./lib/workers/start");
await startProcessWorker();
// Under `npm start`'s web cluster (scripts/web-cluster.mjs) the first process migrates the database
// and creates the queue's tables alone; the others start when it says so, never racing it.
process.send?.({ parity: "ready" });
