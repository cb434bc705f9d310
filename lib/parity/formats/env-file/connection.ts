import { resolveUrlScheme } from "../../catalog";
import { isNonCredentialValue, isSecretKey, redactUrl, redactValue } from "../../redact";
import type { ServiceKind } from "../../types";

/**
 * Connection settings in environment variables, shared by `env-file`, `compose` and
 * `devcontainer`. A URL with a known scheme names its engine (`postgres://`, `redis://`,
 * `amqp://`); plain `http(s)://` endpoints name one only through their key (`S3_ENDPOINT`,
 * `ELASTICSEARCH_URL`), since the scheme says nothing.
 */

export interface Connection {
  kind: ServiceKind;
  engine: string;
  /** `KEY=value` with credentials redacted. */
  raw: string;
  /** Set when the host names a known emulator (`minio`, `localstack`). */
  emulator?: string;
}

const HTTP_KEYS: { match: RegExp; kind: ServiceKind; engine: string }[] = [
  { match: /(^|_)(S3|MINIO|R2)(_|$)|AWS_ENDPOINT_URL(_S3)?$|STORAGE_ENDPOINT/, kind: "storage", engine: "s3" },
  { match: /(^|_)(SQS|ELASTICMQ)(_|$)/, kind: "broker", engine: "sqs" },
  { match: /OPENSEARCH/, kind: "search", engine: "opensearch" },
  { match: /ELASTIC(SEARCH)?(_|$)|(^|_)ES_(URL|HOST|HOSTS|ENDPOINT)$/, kind: "search", engine: "elasticsearch" },
  { match: /MEILI/, kind: "search", engine: "meilisearch" },
  { match: /TYPESENSE/, kind: "search", engine: "typesense" },
  { match: /SOLR/, kind: "search", engine: "solr" },
];

const EMULATOR_HOSTS: { match: RegExp; emulator: string }[] = [
  { match: /minio/i, emulator: "minio" },
  { match: /localstack/i, emulator: "localstack" },
  { match: /elasticmq/i, emulator: "elasticmq" },
];

/** The service a `KEY=value` pair connects to, or null when it is not a connection setting. */
export function connectionOf(key: string, value: string): Connection | null {
  const text = value.trim();
  // A value that is only a variable (`${DATABASE_URL}`) names no engine; `mysql://u:${PW}@h` does.
  if (!text || text.startsWith("$")) return null;
  const scheme = resolveUrlScheme(text);
  if (scheme) {
    // `file:` is sqlite only as a database URL (Prisma `file:./dev.db`), not a path setting.
    if (scheme.engine === "sqlite" && text.toLowerCase().startsWith("file:") && !/DATABASE|DB/i.test(key)) return null;
    // Redacted only here, for a connection: most values (`LOG_LEVEL=debug`) are not one.
    return { ...scheme, raw: `${key}=${redactUrl(text)}` };
  }
  if (!/^https?:\/\//i.test(text)) return null;
  const rule = HTTP_KEYS.find((candidate) => candidate.match.test(key.toUpperCase()));
  if (!rule) return null;
  const emulator = EMULATOR_HOSTS.find((candidate) => candidate.match.test(hostOf(text)))?.emulator;
  return {
    kind: rule.kind,
    engine: rule.engine,
    raw: `${key}=${redactValue(key, redactUrl(text))}`,
    ...(emulator ? { emulator } : {}),
  };
}

/** Host of a URL, lower-cased, without credentials or port; empty when there is none. */
export function hostOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url.trim());
  return (match?.[1] ?? "").toLowerCase();
}

/** Values that only stand in for a secret in a template (`changeme`, `<your-key>`, `xxx`). */
export function isPlaceholder(value: string): boolean {
  const text = value.trim();
  if (text === "" || text.includes("${") || /^\$[A-Za-z_]/.test(text)) return true;
  return /^(<.*>|\[.*\]|x+|\*+|\.\.\.|changeme|change[-_]?me|your[-_].*|replace[-_]?me|todo|tbd|secret|password|null|none)$/i.test(
    text,
  );
}

/**
 * A value that is one variable with a literal fallback, as compose, `.env` interpolation and
 * shells write it: `${SECRET:-abc}` (unset or empty) or `${SECRET-abc}` (unset). Null when it is
 * anything else, or when the fallback is empty or another substitution: nothing literal is then
 * committed.
 */
export function substitutionDefault(value: string): { variable: string; operator: string; fallback: string } | null {
  const match = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:?-)([^${}]*)\}$/.exec(value.trim());
  if (!match?.[1] || !match[2] || !match[3]?.trim()) return null;
  return { variable: match[1], operator: match[2], fallback: match[3].trim() };
}

/**
 * A credential a substitution falls back to (`SECRET_KEY_BASE: ${SECRET_KEY_BASE:-3f9a…}`), shown
 * as `${SECRET_KEY_BASE:-***}`: whoever leaves the variable unset runs with the committed value,
 * so it is a literal in use. Written `*** (fallback of ${SECRET_KEY_BASE})`, a form `scrub` leaves
 * as it is (`${X:-***}` would lose its `-`). A placeholder fallback (`${JWT_SECRET:-changeme}`) is
 * shown as written (it leaks nothing, and the checks grade it as a placeholder); a flag or path
 * under a secret-looking key, or a fallback that is no credential, is null.
 */
export function fallbackLiteral(key: string, value: string): string | null {
  const substitution = substitutionDefault(value);
  if (!substitution) return null;
  const { variable, fallback } = substitution;
  let shown: string | null = null;
  if (isSecretKey(key)) shown = isNonCredentialValue(key, fallback) ? null : redactValue(key, fallback);
  else if (/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^@\s]+@/i.test(fallback)) shown = redactUrl(fallback);
  return shown === null ? null : `${shown} (fallback of \${${variable}})`;
}
