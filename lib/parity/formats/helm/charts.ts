import { ENGINES, type EngineInfo } from "../../catalog/engines";
import type { ServiceKind } from "../../types";

/** Chart names (Bitnami and upstream) of backing services, and the engine they run. */
const CHART_ENGINES: Record<string, { engine: string; emulator?: string }> = {
  postgresql: { engine: "postgres" },
  "postgresql-ha": { engine: "postgres" },
  postgres: { engine: "postgres" },
  mysql: { engine: "mysql" },
  mariadb: { engine: "mariadb" },
  "mariadb-galera": { engine: "mariadb" },
  mongodb: { engine: "mongodb" },
  "mongodb-sharded": { engine: "mongodb" },
  cockroachdb: { engine: "cockroachdb" },
  redis: { engine: "redis" },
  "redis-cluster": { engine: "redis" },
  valkey: { engine: "redis" },
  "valkey-cluster": { engine: "redis" },
  keydb: { engine: "redis" },
  memcached: { engine: "memcached" },
  rabbitmq: { engine: "rabbitmq" },
  kafka: { engine: "kafka" },
  redpanda: { engine: "kafka", emulator: "redpanda" },
  nats: { engine: "nats" },
  elasticsearch: { engine: "elasticsearch" },
  opensearch: { engine: "opensearch" },
  meilisearch: { engine: "meilisearch" },
  typesense: { engine: "typesense" },
  solr: { engine: "solr" },
  minio: { engine: "s3", emulator: "minio" },
};

export interface ChartService {
  kind: ServiceKind;
  engine: string;
  emulator?: string;
}

export function chartService(chartName: string): ChartService | null {
  const entry = CHART_ENGINES[chartName.toLowerCase()];
  if (!entry) return null;
  const info = (ENGINES as Record<string, EngineInfo>)[entry.engine];
  if (!info) return null;
  return { kind: info.kind, engine: entry.engine, ...(entry.emulator ? { emulator: entry.emulator } : {}) };
}
