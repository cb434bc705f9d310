#!/usr/bin/env node
// The `parity` command. Loads the TypeScript sources through tsx so the CLI runs the very same
// engine code as the web app, with no separate build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
