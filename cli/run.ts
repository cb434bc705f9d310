/** The bundle's entry (scripts/build-cli.mjs): runs the CLI with the process's arguments. */
import { main } from "./main";

process.exitCode = await main(process.argv.slice(2));
