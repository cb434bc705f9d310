/**
 * Helpers shared by the platform formats (fly, render, heroku, railway, serverless, terraform):
 * staging detection, connection URLs, literals, worker hints and the names
 * cloud providers give to engines.
 */
import { normalizeVersion, resolveUrlScheme } from "../../catalog";
import { isSecretKey, redactText, redactUrl, redactValue } from "../../redact";
import type { Environment, ExtractedUse, LiteralSetting, ServiceKind } from "../../types";

const STAGING = /(^|[^a-z0-9])(staging|stage)([^a-z0-9]|$)/i;

/** `staging` when any of the texts (a path, an app name, a block name) says so, else `prod`. */
export function stagingOrProd(...texts: (string | null | undefined)[]): Environment {
  return texts.some((t) => typeof t === "string" && STAGING.test(t)) ? "staging" : "prod";
}

/** A use for an env var whose literal value is a connection URL (`REDIS_URL = "redis://..."`). */
export function urlUse(
  key: string,
  value: string,
  line: number,
  environment: Environment | undefined,
  name?: string,
): ExtractedUse | null {
  if (!value.includes(":")) return null;
  const service = resolveUrlScheme(value);
  if (!service) return null;
  return {
    kind: service.kind,
    engine: service.engine,
    version: null,
    pinned: null,
    line,
    raw: `${key}=${redactUrl(value)}`,
    via: "url",
    ...(environment ? { environment } : {}),
    ...(name ? { name } : {}),
  };
}

/**
 * A connection setting or credential written as a literal in committed config: a connection
 * URL, or any non-empty value of a secret-looking key that is not a platform reference.
 */
export function literalSetting(
  key: string,
  value: string,
  line: number,
  environment: Environment | undefined,
): LiteralSetting | null {
  if (value === "" || value.includes("${")) return null;
  const isUrl = value.includes("://") && resolveUrlScheme(value) !== null;
  if (!isUrl && !isSecretKey(key)) return null;
  return { key, line, value: redactValue(key, value), ...(environment ? { environment } : {}) };
}

/**
 * Job runners that need one specific broker, so the command alone is a fact: Sidekiq, Resque and
 * RQ only run on Redis. Celery, Laravel queues or BullMQ scripts do not say which broker: nothing.
 */
const WORKER_HINTS: { match: RegExp; label: string }[] = [
  { match: /\bsidekiq(swarm)?\b/, label: "Sidekiq" },
  { match: /\bresque(-pool)?\b|\bresque:work\b/, label: "Resque" },
  { match: /\brq\s+worker\b|\brqworker\b/, label: "RQ" },
];

export function workerUse(
  command: string,
  line: number,
  environment: Environment | undefined,
  name: string,
): ExtractedUse | null {
  const hint = WORKER_HINTS.find((h) => h.match.test(command));
  if (!hint) return null;
  return {
    kind: "broker",
    engine: "redis",
    version: null,
    pinned: null,
    line,
    raw: `${name}: ${redactText(command).slice(0, 120)}`,
    via: "adapter",
    ...(environment ? { environment } : {}),
    name,
  };
}

/** RDS / CloudFormation / Terraform engine names (`aurora-postgresql`, `sqlserver-ex`). */
export function awsDatabaseEngine(engine: string): string | null {
  const e = engine.toLowerCase();
  if (e === "postgres" || e === "aurora-postgresql" || e === "postgresql") return "postgres";
  if (e === "mysql" || e === "aurora-mysql" || e === "aurora") return "mysql";
  if (e === "mariadb") return "mariadb";
  if (e.startsWith("sqlserver")) return "sqlserver";
  if (e.startsWith("oracle")) return "oracle";
  if (e === "docdb") return "mongodb";
  return null;
}

/** ElastiCache engines: Valkey is Redis-compatible, the catalog's `redis` engine. */
export function awsCacheEngine(engine: string | null): string | null {
  const e = (engine ?? "redis").toLowerCase();
  if (e === "redis" || e === "valkey") return "redis";
  if (e === "memcached") return "memcached";
  return null;
}

/** `OpenSearch_2.11` / `Elasticsearch_7.10` as AWS spells search domain versions. */
export function awsSearchVersion(text: string): { engine: string; version: string | null } {
  const match = /^(opensearch|elasticsearch)_(.+)$/i.exec(text.trim());
  if (!match) return { engine: "elasticsearch", version: normalizeVersion("elasticsearch", text) };
  const engine = (match[1] as string).toLowerCase();
  return { engine, version: normalizeVersion(engine, match[2]) };
}

/** Lambda runtime identifiers: `nodejs20.x`, `python3.12`, `ruby3.3`, `java21`, `dotnet8`. */
export function lambdaRuntime(runtime: string): { engine: string; version: string | null } | null {
  const match = /^(nodejs|python|ruby|java|dotnet|go)(\d[\d.]*)?/.exec(runtime.trim().toLowerCase());
  if (!match) return null;
  const engine = match[1] === "nodejs" ? "node" : (match[1] as string);
  // `go1.x` names the Go 1 line, not a version.
  const raw = engine === "go" ? undefined : match[2]?.replace(/\.$/, "");
  return { engine, version: raw ? normalizeVersion(engine, raw) : null };
}

/** A service use with the fields every platform fact shares. */
export function serviceUse(fields: {
  kind: ServiceKind;
  engine: string;
  version?: string | number | null;
  line: number;
  raw: string;
  via: ExtractedUse["via"];
  environment?: Environment;
  name?: string;
}): ExtractedUse {
  const version =
    fields.version === null || fields.version === undefined ? null : normalizeVersion(fields.engine, fields.version);
  return {
    kind: fields.kind,
    engine: fields.engine,
    version,
    pinned: null,
    line: fields.line,
    raw: redactText(fields.raw),
    via: fields.via,
    ...(fields.environment ? { environment: fields.environment } : {}),
    ...(fields.name ? { name: fields.name } : {}),
  };
}
