import { parseArgs } from "node:util";
import { SEVERITIES, type Severity } from "../lib/parity/types";

export const FORMATS = ["text", "json", "sarif", "markdown"] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface AuditCommand {
  command: "audit";
  target: string;
  format: OutputFormat;
  failUnder: number | null;
  failOn: Severity | null;
  config: string | null;
  output: string | null;
  noHistory: boolean;
  /** Text output: list each file's environments and why. */
  explain: boolean;
}

export type Command = AuditCommand | { command: "help" } | { command: "version" };

export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE = `Usage: parity audit <path | owner/repo> [options]

Audits a repository for dev/prod parity: the tools, time and personnel gaps.
  <path>          a local checkout (history from git when it is a repository)
  owner/repo      a GitHub repository (GITHUB_TOKEN and GITHUB_API_URL are honoured)

Options:
  --format <f>        text (default), json, sarif or markdown
  --output <file>     write the report to a file instead of standard output
  --fail-under <n>    exit 1 when the overall score is below n (0-100)
  --fail-on <sev>     exit 1 when an unsuppressed finding has this severity or worse
                      (high, medium, low, info)
  --config <file>     use this file instead of the repository's .parity.yml
  --no-history        skip git history (the time and personnel gaps stay unknown)
  --explain           list every file read, its environments and why (text output)
  -h, --help          show this help
  -v, --version       show the engine version

Exit codes: 0 audited, 1 a gate (--fail-under, --fail-on) failed, 2 bad usage or the audit failed.`;

/** Parses argv; throws UsageError with a sentence for the user. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string", default: "text" },
        output: { type: "string" },
        "fail-under": { type: "string" },
        "fail-on": { type: "string" },
        config: { type: "string" },
        "no-history": { type: "boolean", default: false },
        explain: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: "help" };
  if (values.version) return { command: "version" };
  const [command, target, ...extra] = positionals;
  if (command !== "audit") {
    throw new UsageError(
      command ? `Unknown command "${command}".` : "Missing command: parity audit <path | owner/repo>.",
    );
  }
  if (!target) throw new UsageError("Missing what to audit: a path or owner/repo.");
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);

  const format = String(values.format);
  if (!FORMATS.includes(format as OutputFormat)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got "${format}").`);
  }
  return {
    command: "audit",
    target,
    format: format as OutputFormat,
    failUnder: parseFailUnder(values["fail-under"]),
    failOn: parseFailOn(values["fail-on"]),
    config: typeof values.config === "string" ? values.config : null,
    output: typeof values.output === "string" ? values.output : null,
    noHistory: values["no-history"] === true,
    explain: values.explain === true,
  };
}

function parseFailUnder(value: unknown): number | null {
  if (value === undefined) return null;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 100) {
    throw new UsageError(`--fail-under must be a score from 0 to 100 (got "${String(value)}").`);
  }
  return number;
}

function parseFailOn(value: unknown): Severity | null {
  if (value === undefined) return null;
  if (!SEVERITIES.includes(value as Severity)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(", ")} (got "${String(value)}").`);
  }
  return value as Severity;
}
