import type { Environment, ExtractedUse, ServiceKind } from "../../types";
import { serviceUse } from "../shared/platform-helpers";

/**
 * Heroku add-on services (elements.heroku.com/addons) and the engine each one runs. Bonsai and
 * SearchBox are sold as Elasticsearch. Add-ons not listed (monitoring, logging) are not services.
 */
const ADDONS: Record<string, { kind: ServiceKind; engine: string }> = {
  "heroku-postgresql": { kind: "database", engine: "postgres" },
  "heroku-redis": { kind: "cache", engine: "redis" },
  rediscloud: { kind: "cache", engine: "redis" },
  redistogo: { kind: "cache", engine: "redis" },
  redisgreen: { kind: "cache", engine: "redis" },
  memcachier: { kind: "cache", engine: "memcached" },
  memcachedcloud: { kind: "cache", engine: "memcached" },
  cloudamqp: { kind: "broker", engine: "rabbitmq" },
  "rabbitmq-bigwig": { kind: "broker", engine: "rabbitmq" },
  "heroku-kafka": { kind: "broker", engine: "kafka" },
  cloudkarafka: { kind: "broker", engine: "kafka" },
  bucketeer: { kind: "storage", engine: "s3" },
  cloudcube: { kind: "storage", engine: "s3" },
  searchbox: { kind: "search", engine: "elasticsearch" },
  bonsai: { kind: "search", engine: "elasticsearch" },
  foundelasticsearch: { kind: "search", engine: "elasticsearch" },
  jawsdb: { kind: "database", engine: "mysql" },
  "jawsdb-maria": { kind: "database", engine: "mariadb" },
  cleardb: { kind: "database", engine: "mysql" },
  mongolab: { kind: "database", engine: "mongodb" },
  ormongo: { kind: "database", engine: "mongodb" },
  mailgun: { kind: "mail", engine: "smtp" },
  sendgrid: { kind: "mail", engine: "smtp" },
  postmark: { kind: "mail", engine: "smtp" },
  mailjet: { kind: "mail", engine: "smtp" },
  sparkpost: { kind: "mail", engine: "smtp" },
};

/** `heroku-postgresql:essential-0` (or `{ plan, as, options: { version } }`) as a use. */
export function addonUse(
  plan: string,
  version: string | null,
  line: number,
  environment: Environment | undefined,
  as?: string,
): ExtractedUse | null {
  const service = plan.split(":")[0]?.trim().toLowerCase() ?? "";
  const known = ADDONS[service];
  if (!known) return null;
  const raw = version ? `addon ${plan} (version ${version})` : `addon ${plan}`;
  return serviceUse({
    ...known,
    version,
    line,
    raw,
    via: "addon",
    name: as ?? service,
    ...(environment ? { environment } : {}),
  });
}

/** Official buildpacks name their language: `heroku/nodejs`, `.../heroku-buildpack-python`. */
const BUILDPACK = /heroku[-/](?:buildpack-)?(nodejs|python|ruby|go|php|java|gradle|scala|clojure|jvm)\b/i;

export function buildpackRuntime(url: string): string | null {
  const lang = BUILDPACK.exec(url)?.[1]?.toLowerCase();
  if (!lang) return null;
  if (lang === "nodejs") return "node";
  if (["gradle", "scala", "clojure", "jvm"].includes(lang)) return "java";
  return lang;
}
