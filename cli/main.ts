import { writeFileSync } from "node:fs";
import { env } from "../lib/env";
import { audit, ENGINE_VERSION, toJson, toMarkdown, toSarif, toText } from "../lib/parity/audit/index";
import type { Report } from "../lib/parity/types";
import { type AuditCommand, type OutputFormat, parseCommand, USAGE, UsageError } from "./args";
import { runFix } from "./fix";
import { failedGates } from "./gates";
import { loadSnapshot } from "./targets";

/** Runs the CLI; resolves to the process exit code (0 ok, 1 gate failed, 2 usage or audit error). */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (command.command === "help") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (command.command === "version") {
      process.stdout.write(`parity ${ENGINE_VERSION}\n`);
      return 0;
    }
    if (command.command === "fix") return await runFix(command);
    return await runAudit(command);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`parity: ${message}\n`);
    if (error instanceof UsageError) process.stderr.write("Run `parity --help` for usage.\n");
    return 2;
  }
}

async function runAudit(command: AuditCommand): Promise<number> {
  const snapshot = await loadSnapshot(command);
  const report = audit(snapshot, null, new Date());
  const color = command.output === null && process.stdout.isTTY === true && !env().NO_COLOR;
  const rendered = render(report, command.format, color, command.explain);
  if (command.output) writeFileSync(command.output, rendered);
  else process.stdout.write(rendered.endsWith("\n") ? rendered : `${rendered}\n`);

  const failures = failedGates(report, command);
  for (const failure of failures) process.stderr.write(`parity: gate failed: ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

function render(report: Report, format: OutputFormat, color: boolean, explain: boolean): string {
  switch (format) {
    case "json":
      return toJson(report);
    case "sarif":
      return toSarif(report);
    case "markdown":
      return toMarkdown(report);
    case "text":
      return toText(report, { color, explain });
  }
}
