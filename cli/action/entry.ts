/** The Action's entry (action.yml `runs.main`, bundled by scripts/build-cli.mjs --action). */
import { actionsRunnerVariables } from "../../lib/env";
import { runAction } from "./run";

process.exitCode = await runAction({
  env: actionsRunnerVariables(),
  write: (line) => process.stdout.write(`${line}\n`),
  now: new Date(),
});
