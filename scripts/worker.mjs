#!/usr/bin/env node
// `npm run worker`: an extra audit worker sharing the PostgreSQL queue with the web processes.
// Loads the TypeScript sources through tsx, as cli/bin.mjs does. Needs DATABASE_URL: the embedded
// PGlite belongs to the one web process that opened it.
import { register } from "tsx/esm/api";

register();
const { runWorkerProcess } = await import("../lib/workers/worker-process.ts");
await runWorkerProcess();
