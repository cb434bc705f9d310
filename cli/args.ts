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

/** `parity fix`: verified fix plans for a local checkout (docs/fix.md). */
export interface FixCommand {
  command: "fix";
  target: string;
  /** Only findings of these checks; empty: every check. */
  checks: string[];
  /** Only these findings, by fingerprint (or a prefix of one); empty: every finding. */
  findings: string[];
  /** Print the diff and write nothing. */
  dryRun: boolean;
  /** `patch`: only the unified diff on standard output (for `git apply`), nothing written. */
  format: "text" | "patch";
  config: string | null;
}

export type Command = AuditCommand | FixCommand | { command: "help" } | { command: "version" };

export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE = `Usage: parity audit <path | owner/repo> [options]
       parity fix [path] [--check ID...] [--finding FINGERPRINT...] [--dry-run] [--format patch]

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

Fix options (parity fix: changes dev and CI files toward prod, each change proved by a second audit):
  [path]              a local checkout (default: the current directory)
  --check <id>        only findings of this check (repeatable)
  --finding <fp>      only this finding, by fingerprint or a prefix of one (repeatable)
  --dry-run           print the diff of what would change, write nothing
  --format patch      print only the unified diff (for git apply), write nothing

Exit codes: 0 audited (fix: done), 1 a gate (--fail-under, --fail-on) failed (fix: a finding chosen
with --check or --finding has no verified fix), 2 bad usage or the audit failed.`;

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
        check: { type: "string", multiple: true },
        finding: { type: "string", multiple: true },
        "dry-run": { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: "help" };
  if (values.version) return { command: "version" };
  const [command, target, ...extra] = positionals;
  if (command === "fix") return parseFix(values, target, extra);
  const fixOnly = (["check", "finding", "dry-run"] as const).find(
    (name) => values[name] !== undefined && values[name] !== false,
  );
  if (fixOnly) throw new UsageError(`--${fixOnly} is an option of parity fix.`);
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

function parseFix(
  values: ReturnType<typeof parseArgs>["values"],
  target: string | undefined,
  extra: readonly string[],
): FixCommand {
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  for (const name of ["fail-under", "fail-on", "output", "explain", "no-history"] as const) {
    if (values[name] !== undefined && values[name] !== false)
      throw new UsageError(`--${name} is an option of parity audit.`);
  }
  const format = values.format === undefined ? "text" : String(values.format);
  if (format !== "text" && format !== "patch") {
    throw new UsageError(`--format of parity fix must be text or patch (got "${format}").`);
  }
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const findings = list(values.finding);
  const short = findings.find((fingerprint) => !/^[0-9a-f]{4,}$/i.test(fingerprint));
  if (short !== undefined)
    throw new UsageError(`--finding takes a fingerprint (4 or more hex digits, got "${short}").`);
  return {
    command: "fix",
    target: target ?? ".",
    checks: list(values.check),
    findings: findings.map((fingerprint) => fingerprint.toLowerCase()),
    dryRun: values["dry-run"] === true,
    format,
    config: typeof values.config === "string" ? values.config : null,
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
