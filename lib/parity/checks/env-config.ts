import { isSecretKey, REDACTED, redactValue } from "../redact";
import type { Check, CheckInput, CheckOutcome, Evidence, FindingDraft, Inventory } from "../types";
import { hasEnvironment, outcome } from "./shared";

/** Set by the platform or the process manager, not by the team: nothing to document. */
const PLATFORM_KEYS = new Set([
  "PORT",
  "HOST",
  "HOSTNAME",
  "HOME",
  "PATH",
  "PWD",
  "TZ",
  "CI",
  "NODE_ENV",
  "RAILS_ENV",
  "RACK_ENV",
  "DYNO",
]);
const PLATFORM_PREFIXES = ["FLY_", "RENDER_", "VERCEL_", "RAILWAY_", "HEROKU_", "K_", "GITHUB_", "KUBERNETES_"];

function isPlatformKey(key: string): boolean {
  return PLATFORM_KEYS.has(key) || PLATFORM_PREFIXES.some((prefix) => key.startsWith(prefix));
}

const LISTED = 5;

function listKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, LISTED).join(", ");
  return keys.length > LISTED ? `${shown} and ${keys.length - LISTED} more` : shown;
}

/** One finding per key written as a literal in prod config: a credential is high, a host medium. */
function literalFindings(inventory: Inventory): FindingDraft[] {
  const byKey = new Map<string, Evidence[]>();
  const secret = new Set<string>();
  for (const literal of inventory.literals) {
    if (literal.environment !== "prod") continue;
    const evidence = {
      environment: literal.environment,
      file: literal.file,
      line: literal.line,
      value: redactValue(literal.key, literal.value),
    };
    byKey.set(literal.key, [...(byKey.get(literal.key) ?? []), evidence]);
    if (isSecretKey(literal.key) || literal.value.includes(REDACTED)) secret.add(literal.key);
  }
  return [...byKey].map(([key, evidence]) => {
    const files = [...new Set(evidence.map((item) => item.file))];
    return {
      message: `${key} is written as a literal in prod config (${files.join(", ")})`,
      evidence,
      service: `config:${key}`,
      environments: ["prod"],
      severity: secret.has(key) ? "high" : "medium",
    };
  });
}

/**
 * Variables prod reads that no `.env.example`-style file documents. Severity follows the share:
 * more than half undocumented (or no example file at all) is medium, fewer is low.
 */
function undocumentedFinding(inventory: Inventory): FindingDraft | null {
  const reads = inventory.envKeys.filter(
    (use) => use.role === "reads" && use.environment === "prod" && !isPlatformKey(use.key),
  );
  const readKeys = [...new Set(reads.map((use) => use.key))];
  if (readKeys.length === 0) return null;
  const documented = new Set(inventory.envKeys.filter((use) => use.role === "documents").map((use) => use.key));
  const missing = readKeys.filter((key) => !documented.has(key)).sort();
  if (missing.length === 0) return null;
  const message =
    documented.size === 0
      ? `No .env.example documents the ${readKeys.length} variables prod reads (${listKeys(missing)})`
      : `${missing.length} of ${readKeys.length} variables prod reads are undocumented: ${listKeys(missing)}`;
  return {
    message,
    evidence: reads
      .filter((use) => missing.includes(use.key))
      .map((use) => ({ environment: use.environment, file: use.file, line: use.line, value: use.key })),
    service: "config:env-example",
    environments: ["prod"],
    severity: missing.length * 2 > readKeys.length ? "medium" : "low",
  };
}

function run({ inventory }: CheckInput): CheckOutcome {
  const findings = literalFindings(inventory);
  const undocumented = undocumentedFinding(inventory);
  if (undocumented) findings.push(undocumented);
  return outcome({
    findings,
    defaultSeverity: "medium",
    compared: hasEnvironment(inventory, "prod") ? 1 : 0,
    passSummary: "prod config reads its settings from documented environment variables",
    notApplicableSummary: "no production config found",
  });
}

export const envConfig = {
  id: "env-config",
  gap: "tools",
  severity: "medium",
  level: "bronze",
  title: "Prod config comes from environment variables",
  rationale:
    "Parity means the same code in every environment with only configuration changing. A host, URL or " +
    "password written into committed prod config ties the code to one environment: running the same " +
    "build against a local or CI service needs an edit, so people stop doing it, and a committed " +
    "credential is readable by everyone with the repository. Variables prod reads but no `.env.example` " +
    "lists are discovered one crash at a time by whoever sets up the next environment.",
  remediation:
    "Read connection settings and credentials from environment variables (`DATABASE_URL`, `REDIS_URL`), " +
    "keep the values in the platform's secret store, rotate any credential that was committed, and list " +
    "every variable with a safe example value in `.env.example`.",
  run,
} satisfies Check;
