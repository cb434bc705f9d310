import type { ServiceKind } from "../types";

/**
 * Engines Parity knows. `granularity` is where behaviour changes (docs/parity-model.md §2):
 * `major` compares `16` with `17`; `minor` compares `8.0` with `8.4`.
 */
export interface EngineInfo {
  kind: ServiceKind;
  /** Human name used in messages: `PostgreSQL`, `Redis`. */
  label: string;
  granularity: "major" | "minor";
  /** Engines that are servers (vs embedded or in-process stand-ins). */
  embedded?: boolean;
}

export const ENGINES = {
  postgres: { kind: "database", label: "PostgreSQL", granularity: "major" },
  mysql: { kind: "database", label: "MySQL", granularity: "minor" },
  mariadb: { kind: "database", label: "MariaDB", granularity: "minor" },
  sqlite: { kind: "database", label: "SQLite", granularity: "major", embedded: true },
  h2: { kind: "database", label: "H2", granularity: "major", embedded: true },
  sqlserver: { kind: "database", label: "SQL Server", granularity: "major" },
  oracle: { kind: "database", label: "Oracle", granularity: "major" },
  mongodb: { kind: "database", label: "MongoDB", granularity: "minor" },
  cockroachdb: { kind: "database", label: "CockroachDB", granularity: "minor" },
  dynamodb: { kind: "database", label: "DynamoDB", granularity: "major" },
  redis: { kind: "cache", label: "Redis", granularity: "major" },
  memcached: { kind: "cache", label: "Memcached", granularity: "minor" },
  rabbitmq: { kind: "broker", label: "RabbitMQ", granularity: "minor" },
  kafka: { kind: "broker", label: "Kafka", granularity: "major" },
  nats: { kind: "broker", label: "NATS", granularity: "minor" },
  sqs: { kind: "broker", label: "SQS", granularity: "major" },
  pubsub: { kind: "broker", label: "Pub/Sub", granularity: "major" },
  activemq: { kind: "broker", label: "ActiveMQ", granularity: "minor" },
  "in-process": { kind: "broker", label: "in-process jobs", granularity: "major", embedded: true },
  s3: { kind: "storage", label: "S3", granularity: "major" },
  gcs: { kind: "storage", label: "Google Cloud Storage", granularity: "major" },
  "azure-blob": { kind: "storage", label: "Azure Blob Storage", granularity: "major" },
  "local-disk": { kind: "storage", label: "local disk", granularity: "major", embedded: true },
  elasticsearch: { kind: "search", label: "Elasticsearch", granularity: "major" },
  opensearch: { kind: "search", label: "OpenSearch", granularity: "major" },
  meilisearch: { kind: "search", label: "Meilisearch", granularity: "minor" },
  typesense: { kind: "search", label: "Typesense", granularity: "major" },
  solr: { kind: "search", label: "Solr", granularity: "major" },
  smtp: { kind: "mail", label: "SMTP", granularity: "major" },
  ses: { kind: "mail", label: "Amazon SES", granularity: "major" },
  mailpit: { kind: "mail", label: "Mailpit", granularity: "major" },
  node: { kind: "runtime", label: "Node.js", granularity: "major" },
  python: { kind: "runtime", label: "Python", granularity: "minor" },
  ruby: { kind: "runtime", label: "Ruby", granularity: "minor" },
  java: { kind: "runtime", label: "Java", granularity: "major" },
  go: { kind: "runtime", label: "Go", granularity: "minor" },
  php: { kind: "runtime", label: "PHP", granularity: "minor" },
  dotnet: { kind: "runtime", label: ".NET", granularity: "major" },
  elixir: { kind: "runtime", label: "Elixir", granularity: "minor" },
  bun: { kind: "runtime", label: "Bun", granularity: "minor" },
  deno: { kind: "runtime", label: "Deno", granularity: "major" },
  rust: { kind: "runtime", label: "Rust", granularity: "minor" },
} as const satisfies Record<string, EngineInfo>;

export type EngineId = keyof typeof ENGINES;

/** `in-memory` is an engine of two kinds (database, cache): looked up by kind. */
export function engineLabel(engine: string): string {
  if (engine === "in-memory") return "in-memory";
  return (ENGINES as Record<string, EngineInfo>)[engine]?.label ?? engine;
}

export function engineGranularity(engine: string): "major" | "minor" {
  return (ENGINES as Record<string, EngineInfo>)[engine]?.granularity ?? "major";
}

export function engineKind(engine: string): string | null {
  return (ENGINES as Record<string, EngineInfo>)[engine]?.kind ?? null;
}

/** Embedded or in-process stand-ins for a server (SQLite, H2, in-memory, local disk). */
export function isEmbeddedEngine(engine: string): boolean {
  if (engine === "in-memory") return true;
  return (ENGINES as Record<string, EngineInfo>)[engine]?.embedded === true;
}
