import { getDatabaseHandle } from "./lib/db/client";
import { env } from "./lib/env";

// Validate the environment first: a bad value stops start-up with a sentence naming it.
env();
// Open the database and apply pending migrations before the first request.
await getDatabaseHandle();
