import { isNonCredentialValue, isPlaceholderValue, isSecretKey, REDACTED, redactValue } from "../redact";
import type { Check, CheckInput, CheckOutcome, Evidence, FindingDraft, Inventory, Severity } from "../types";
import { hasEnvironment, outcome } from "./shared";

const LISTED = 5;

function listKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, LISTED).join(", ");
  return keys.length > LISTED ? `${shown} and ${keys.length - LISTED} more` : shown;
}

/** Formats that template containers (self-hosting stacks, charts): their credentials reach a
 *  service the same stack starts. A database password in a compose stack is a default for a
 *  database no one outside reaches (low); in a cluster's manifests it is medium. */
const COMPOSE_FORMATS = new Set(["compose", "docker-stack"]);
const CLUSTER_FORMATS = new Set(["kubernetes", "helm", "kustomize"]);

const DATABASE_KEY = /postgres|(?:^|[._])pg|mysql|maria|mongo|(?:^|[._])db|database|redis|valkey|rabbit|amqp/i;
const DATABASE_URL = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?):\/\//i;

/**
 * Secrets the app itself accepts whatever their value (it signs or encrypts with them), so a
 * placeholder left in place is a working, public key. A placeholder access key or password of
 * another service only fails to connect (DynamoDB Local's `dummy` keys): nothing to report.
 */
const APP_SECRET = /secret|signing|encryption|salt|session|jwt|cookie/i;
const OTHER_SERVICE = /access|api|client|aws|s3|pass|token|user/i;

type Grade = "placeholder" | "database" | "secret";

/** `*** (fallback of ${SECRET_KEY_BASE})`: a literal that is a substitution's committed fallback
 *  (`${SECRET_KEY_BASE:-…}`), see fallbackLiteral in the env-file format. */
const FALLBACK = /^([\s\S]*) \(fallback of \$\{([A-Za-z_][A-Za-z0-9_]*)\}\)$/;

/** The value a literal runs with: a substitution's fallback, or the literal itself. */
function runsWith(literal: Inventory["literals"][number]): string {
  return FALLBACK.exec(literal.value)?.[1] ?? literal.value;
}

function isFallback(literal: Inventory["literals"][number]): boolean {
  return FALLBACK.test(literal.value);
}

/**
 * What a prod literal is: a committed credential (a database's or another secret), an app
 * secret left at a template's placeholder, or nothing to report (a flag, a path, the name of the
 * Secret key holding it, another service's placeholder: the formats leave those values
 * unredacted, see redactValue). Host literals are graded elsewhere.
 */
function gradeOf(literal: Inventory["literals"][number]): Grade | null {
  const value = runsWith(literal);
  if (!value.includes(REDACTED)) {
    if (!isSecretKey(literal.key) || isNonCredentialValue(literal.key, value)) return null;
    if (isPlaceholderValue(value)) {
      return APP_SECRET.test(literal.key) && !OTHER_SERVICE.test(literal.key) ? "placeholder" : null;
    }
  }
  return DATABASE_KEY.test(literal.key) || DATABASE_URL.test(value) ? "database" : "secret";
}

/** The evidence value: redacted again here, a fallback keeping the variable it stands in for. */
function shownValue(literal: Inventory["literals"][number]): string {
  const fallback = FALLBACK.exec(literal.value);
  if (!fallback) return redactValue(literal.key, literal.value);
  return `${redactValue(literal.key, fallback[1] ?? "")} (fallback of \${${fallback[2]}})`;
}

const RANK: Record<Severity, number> = { info: -1, low: 0, medium: 1, high: 2 };

function severityOf(grade: Grade, format: string | undefined): Severity {
  if (grade === "placeholder") return "low";
  if (format && COMPOSE_FORMATS.has(format)) return grade === "database" ? "low" : "medium";
  if (format && CLUSTER_FORMATS.has(format)) return "medium";
  return "high";
}

/**
 * Credentials written as literals in prod config: one finding for all of them (the same
 * password reached through a YAML anchor, a `*_PASSWORD` key and the URL repeating it is one
 * problem with one fix), one for template placeholders, and one per host literal (medium).
 */
function literalFindings(inventory: Inventory): FindingDraft[] {
  // A file two formats claim (a compose file also read as manifests) is graded as the container
  // template it is: the compose reading wins.
  const formatOf = new Map<string, string>();
  for (const file of inventory.files) {
    if (!COMPOSE_FORMATS.has(formatOf.get(file.path) ?? "")) formatOf.set(file.path, file.format);
  }
  const groups: Record<Grade, { keys: string[]; evidence: Evidence[]; severity: Severity; fallbacks: boolean }> = {
    database: { keys: [], evidence: [], severity: "low", fallbacks: true },
    secret: { keys: [], evidence: [], severity: "low", fallbacks: true },
    placeholder: { keys: [], evidence: [], severity: "low", fallbacks: true },
  };
  const hosts = new Map<string, Evidence[]>();
  const seen = new Set<string>();
  for (const literal of inventory.literals) {
    if (literal.environment !== "prod") continue;
    const where = `${literal.file}:${literal.line}:${literal.key}`;
    if (seen.has(where)) continue;
    seen.add(where);
    const evidence = {
      environment: literal.environment,
      file: literal.file,
      line: literal.line,
      value: shownValue(literal),
    };
    const grade = gradeOf(literal);
    if (grade === null) {
      if (!isSecretKey(literal.key)) hosts.set(literal.key, [...(hosts.get(literal.key) ?? []), evidence]);
      continue;
    }
    const group = groups[grade];
    if (!group.keys.includes(literal.key)) group.keys.push(literal.key);
    group.evidence.push(evidence);
    if (!isFallback(literal)) group.fallbacks = false;
    const severity = severityOf(grade, formatOf.get(literal.file));
    if (RANK[severity] > RANK[group.severity]) group.severity = severity;
  }
  const findings: FindingDraft[] = [];
  const filesOf = (evidence: Evidence[]) => [...new Set(evidence.map((item) => item.file))].join(", ");
  const credentials = (group: (typeof groups)[Grade], what: string, service: string) => {
    if (group.keys.length === 0) return;
    // Every one a substitution's fallback: the literal runs whenever the variable is left unset.
    const subject = group.fallbacks
      ? group.keys.length === 1
        ? `${group.keys[0]} falls back to a committed literal when unset`
        : `${group.keys.length} ${what} fall back to committed literals when unset (${listKeys(group.keys)})`
      : group.keys.length === 1
        ? `${group.keys[0]} is written as a literal`
        : `${group.keys.length} ${what} are written as literals (${listKeys(group.keys)})`;
    findings.push({
      message: `${subject} in prod config (${filesOf(group.evidence)})`,
      evidence: group.evidence,
      service,
      environments: ["prod"],
      severity: group.severity,
    });
  };
  credentials(groups.database, "database credentials", "database:credentials");
  credentials(groups.secret, "secrets", "config:credentials");
  const { placeholder } = groups;
  if (placeholder.keys.length > 0) {
    findings.push({
      message:
        `${listKeys(placeholder.keys)} ${placeholder.keys.length === 1 ? "ships" : "ship"} a placeholder value ` +
        `${placeholder.fallbacks ? "as the fallback of an unset variable " : ""}in ` +
        `prod config (${filesOf(placeholder.evidence)}): whoever runs it unchanged signs with a public secret`,
      evidence: placeholder.evidence,
      service: "config:placeholder",
      environments: ["prod"],
      severity: "low",
    });
  }
  for (const [key, evidence] of hosts) {
    findings.push({
      message: `${key} is written as a literal in prod config (${filesOf(evidence)})`,
      evidence,
      service: `config:${key}`,
      environments: ["prod"],
      severity: "medium",
    });
  }
  return findings;
}

/*
 * Variables prod config names but no env sample documents are not reported: every format lists
 * the keys a prod file sets, and none tells a value taken from the environment (`${VAR}`, Render's
 * `sync: false`) from one the file writes itself (`APP_ENV: production`, `fromDatabase`), or a
 * third-party container's setting from the app's. On the real repositories this sub-finding was
 * wrong nearly every time; it waits for formats that mark what is read from the environment.
 */

function run({ inventory }: CheckInput): CheckOutcome {
  const findings = literalFindings(inventory);
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
    "credential is readable by everyone with the repository. A template's placeholder signing secret " +
    "left in place is a key everyone knows, and so is the default a substitution falls back to (`:-value`): " +
    "whoever leaves the variable unset runs with it.",
  remediation:
    "Read connection settings and credentials from environment variables (`DATABASE_URL`, `REDIS_URL`), " +
    "keep the values in the platform's secret store, rotate any credential that was committed, and list " +
    "every variable with a safe example value in `.env.example`.",
  run,
} satisfies Check;
