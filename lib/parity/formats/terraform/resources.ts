/**
 * What each Terraform resource type (and well-known registry module) runs, read from its
 * arguments. A rule gets `read(name)` (the argument's value when visible, null when absent or
 * not resolvable) and returns the engine, the version, and which arguments carry the fact.
 */
import type { ServiceKind } from "../../types";
import { awsCacheEngine, awsDatabaseEngine, awsSearchVersion, lambdaRuntime } from "../shared/platform-helpers";

export interface ResourceFact {
  kind: ServiceKind;
  engine: string;
  /** Raw version as written (normalised by the caller). */
  version: string | null;
  /** Arguments whose line is the fact's line, best first (the version, then the engine). */
  at: string[];
}

export type Read = (name: string) => string | null;
type Rule = (read: Read) => ResourceFact | null;

function fixed(kind: ServiceKind, engine: string, versionArg?: string): Rule {
  return (read) => ({
    kind,
    engine,
    version: versionArg ? read(versionArg) : null,
    at: versionArg ? [versionArg] : [],
  });
}

/** Cloud SQL / Memorystore spell versions `POSTGRES_15`, `MYSQL_8_0`, `REDIS_7_0`. */
function underscored(value: string | null): { product: string; version: string | null } | null {
  const match = /^([A-Z]+)_(\d+(?:_\d+)?)/.exec(value ?? "");
  if (!match) return null;
  return { product: (match[1] as string).toLowerCase(), version: (match[2] as string).replace("_", ".") };
}

const rdsInstance: Rule = (read) => {
  const engine = awsDatabaseEngine(read("engine") ?? "");
  return engine
    ? { kind: "database", engine, version: read("engine_version"), at: ["engine_version", "engine"] }
    : null;
};

const rdsCluster: Rule = (read) => {
  // aws_rds_cluster defaults to `aurora` (MySQL-compatible).
  const engine = awsDatabaseEngine(read("engine") ?? "aurora");
  return engine
    ? { kind: "database", engine, version: read("engine_version"), at: ["engine_version", "engine"] }
    : null;
};

function elasticache(versionArg: string, defaultEngine: string | null): Rule {
  return (read) => {
    const engine = awsCacheEngine(read("engine") ?? defaultEngine);
    if (!engine || (defaultEngine === null && read("engine") === null)) return null;
    return { kind: "cache", engine, version: read(versionArg), at: [versionArg, "engine"] };
  };
}

const cloudSql: Rule = (read) => {
  const parsed = underscored(read("database_version"));
  const engine =
    parsed?.product === "postgres"
      ? "postgres"
      : parsed?.product === "mysql"
        ? "mysql"
        : parsed?.product === "sqlserver"
          ? "sqlserver"
          : null;
  return engine ? { kind: "database", engine, version: parsed?.version ?? null, at: ["database_version"] } : null;
};

const memorystore: Rule = (read) => ({
  kind: "cache",
  engine: "redis",
  version: underscored(read("redis_version"))?.version ?? null,
  at: ["redis_version"],
});

const mqBroker: Rule = (read) => {
  const type = (read("engine_type") ?? "").toLowerCase();
  const engine = type === "rabbitmq" ? "rabbitmq" : type === "activemq" ? "activemq" : null;
  return engine
    ? { kind: "broker", engine, version: read("engine_version"), at: ["engine_version", "engine_type"] }
    : null;
};

function searchDomain(versionArg: string, defaultEngine: "opensearch" | "elasticsearch"): Rule {
  return (read) => {
    const raw = read(versionArg);
    if (raw === null) return { kind: "search", engine: defaultEngine, version: null, at: [versionArg] };
    const parsed = /_/.test(raw) ? awsSearchVersion(raw) : { engine: defaultEngine, version: raw };
    return { kind: "search", engine: parsed.engine, version: parsed.version, at: [versionArg] };
  };
}

const lambda: Rule = (read) => {
  const runtime = lambdaRuntime(read("runtime") ?? "");
  return runtime ? { kind: "runtime", engine: runtime.engine, version: runtime.version, at: ["runtime"] } : null;
};

export const RESOURCE_RULES: Record<string, Rule> = {
  aws_db_instance: rdsInstance,
  aws_rds_cluster: rdsCluster,
  aws_elasticache_cluster: elasticache("engine_version", null),
  aws_elasticache_replication_group: elasticache("engine_version", "redis"),
  aws_elasticache_serverless_cache: elasticache("major_engine_version", null),
  google_sql_database_instance: cloudSql,
  google_redis_instance: memorystore,
  google_memcache_instance: (read) => ({
    kind: "cache",
    engine: "memcached",
    version: underscored(read("memcache_version"))?.version ?? null,
    at: ["memcache_version"],
  }),
  azurerm_postgresql_flexible_server: fixed("database", "postgres", "version"),
  azurerm_postgresql_server: fixed("database", "postgres", "version"),
  azurerm_mysql_flexible_server: fixed("database", "mysql", "version"),
  azurerm_redis_cache: fixed("cache", "redis", "redis_version"),
  azurerm_storage_container: fixed("storage", "azure-blob"),
  aws_mq_broker: mqBroker,
  aws_msk_cluster: fixed("broker", "kafka", "kafka_version"),
  aws_msk_serverless_cluster: fixed("broker", "kafka"),
  aws_sqs_queue: fixed("broker", "sqs"),
  google_pubsub_topic: fixed("broker", "pubsub"),
  aws_s3_bucket: fixed("storage", "s3"),
  google_storage_bucket: fixed("storage", "gcs"),
  aws_opensearch_domain: searchDomain("engine_version", "opensearch"),
  aws_elasticsearch_domain: searchDomain("elasticsearch_version", "elasticsearch"),
  aws_dynamodb_table: fixed("database", "dynamodb"),
  aws_lambda_function: lambda,
};

/**
 * Registry modules whose inputs mirror a resource's arguments. Matched on `source` so versions
 * and `?ref=` suffixes do not matter. Local modules (`./modules/db`) are read as their own files.
 */
const MODULE_RULES: { source: RegExp; rule: Rule }[] = [
  { source: /terraform-aws-modules\/rds-aurora\/aws/, rule: rdsCluster },
  { source: /terraform-aws-modules\/rds\/aws/, rule: rdsInstance },
  { source: /terraform-aws-modules\/elasticache\/aws/, rule: elasticache("engine_version", "redis") },
  { source: /terraform-aws-modules\/s3-bucket\/aws/, rule: fixed("storage", "s3") },
  { source: /terraform-aws-modules\/sqs\/aws/, rule: fixed("broker", "sqs") },
  { source: /terraform-aws-modules\/dynamodb-table\/aws/, rule: fixed("database", "dynamodb") },
  { source: /terraform-aws-modules\/msk-kafka-cluster\/aws/, rule: fixed("broker", "kafka", "kafka_version") },
  { source: /terraform-aws-modules\/opensearch\/aws/, rule: searchDomain("engine_version", "opensearch") },
  { source: /terraform-aws-modules\/lambda\/aws/, rule: lambda },
  { source: /(terraform-google-modules|GoogleCloudPlatform)\/sql-db\/google/, rule: cloudSql },
  { source: /terraform-google-modules\/memorystore\/google/, rule: memorystore },
];

export function moduleRule(source: string): Rule | null {
  return MODULE_RULES.find((m) => m.source.test(source))?.rule ?? null;
}
