import type { ServiceKind } from "../types";

/** Connection-URL schemes and the engine they name (`postgres://`, `redis://`, `jdbc:h2:`). */
const SCHEMES: Record<string, { kind: ServiceKind; engine: string }> = {
  postgres: { kind: "database", engine: "postgres" },
  postgresql: { kind: "database", engine: "postgres" },
  "postgresql+psycopg": { kind: "database", engine: "postgres" },
  "postgresql+psycopg2": { kind: "database", engine: "postgres" },
  "postgresql+asyncpg": { kind: "database", engine: "postgres" },
  postgis: { kind: "database", engine: "postgres" },
  pgsql: { kind: "database", engine: "postgres" },
  mysql: { kind: "database", engine: "mysql" },
  mysql2: { kind: "database", engine: "mysql" },
  "mysql+pymysql": { kind: "database", engine: "mysql" },
  "mysql+mysqldb": { kind: "database", engine: "mysql" },
  mariadb: { kind: "database", engine: "mariadb" },
  sqlite: { kind: "database", engine: "sqlite" },
  sqlite3: { kind: "database", engine: "sqlite" },
  file: { kind: "database", engine: "sqlite" },
  h2: { kind: "database", engine: "h2" },
  sqlserver: { kind: "database", engine: "sqlserver" },
  mssql: { kind: "database", engine: "sqlserver" },
  oracle: { kind: "database", engine: "oracle" },
  mongodb: { kind: "database", engine: "mongodb" },
  "mongodb+srv": { kind: "database", engine: "mongodb" },
  cockroachdb: { kind: "database", engine: "cockroachdb" },
  redis: { kind: "cache", engine: "redis" },
  rediss: { kind: "cache", engine: "redis" },
  memcached: { kind: "cache", engine: "memcached" },
  memcache: { kind: "cache", engine: "memcached" },
  amqp: { kind: "broker", engine: "rabbitmq" },
  amqps: { kind: "broker", engine: "rabbitmq" },
  kafka: { kind: "broker", engine: "kafka" },
  nats: { kind: "broker", engine: "nats" },
  sqs: { kind: "broker", engine: "sqs" },
  s3: { kind: "storage", engine: "s3" },
  gs: { kind: "storage", engine: "gcs" },
  smtp: { kind: "mail", engine: "smtp" },
  smtps: { kind: "mail", engine: "smtp" },
};

/**
 * The service a connection URL names, or null. Accepts `jdbc:` prefixes (`jdbc:postgresql://`,
 * `jdbc:h2:mem:`). Never returns credentials: callers show `redactUrl(url)`.
 */
export function resolveUrlScheme(url: string): { kind: ServiceKind; engine: string } | null {
  let text = url.trim().toLowerCase();
  if (text.startsWith("jdbc:")) text = text.slice(5);
  const match = /^([a-z][a-z0-9+.-]*):/.exec(text);
  if (!match) return null;
  return SCHEMES[match[1] as string] ?? null;
}
