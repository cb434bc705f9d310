import type { ServiceKind } from "../../types";

/**
 * Application-specific selector variables: the value the app's own config code switches on
 * (`HD_DATABASE_TYPE=sqlite`, `FILE_STORAGE=local`, `STORAGE_DRIVER=s3`), by the shape of the name.
 */
export interface Selector {
  kind: ServiceKind;
  key: RegExp;
  values: Record<string, string>;
}

export const SELECTORS: readonly Selector[] = [
  {
    kind: "database",
    key: /(^|_)(DB|DATABASE)_(TYPE|ENGINE|DRIVER|DIALECT|CLIENT|VENDOR|PROVIDER)$/,
    values: {
      sqlite: "sqlite",
      sqlite3: "sqlite",
      "better-sqlite3": "sqlite",
      postgres: "postgres",
      postgresql: "postgres",
      pg: "postgres",
      pgsql: "postgres",
      mysql: "mysql",
      mariadb: "mariadb",
      mongodb: "mongodb",
      mongo: "mongodb",
      mssql: "sqlserver",
      sqlserver: "sqlserver",
    },
  },
  {
    kind: "storage",
    key: /(^|_)(FILE_STORAGE|FILES_STORAGE|STORAGE_(TYPE|DRIVER|BACKEND|PROVIDER)|BLOBSTORE|BLOB_STORE)$/,
    values: {
      local: "local-disk",
      disk: "local-disk",
      filesystem: "local-disk",
      fs: "local-disk",
      file: "local-disk",
      s3: "s3",
      minio: "s3",
      gcs: "gcs",
      azure: "azure-blob",
    },
  },
  {
    kind: "cache",
    key: /(^|_)CACHE_(STORE|DRIVER|TYPE|BACKEND)$/,
    values: { redis: "redis", valkey: "redis", memcached: "memcached", memory: "in-memory", "in-memory": "in-memory" },
  },
  {
    kind: "broker",
    key: /(^|_)(QUEUE_(CONNECTION|DRIVER|BACKEND)|BROKER_TYPE)$/,
    values: {
      redis: "redis",
      sqs: "sqs",
      rabbitmq: "rabbitmq",
      amqp: "rabbitmq",
      kafka: "kafka",
      nats: "nats",
      sync: "in-process",
    },
  },
];

/** The selectors a variable name is (usually one), with the engine `value` selects, if known. */
export function selections(key: string, value: string): { selector: Selector; engine: string }[] {
  const name = key.toUpperCase();
  const result: { selector: Selector; engine: string }[] = [];
  for (const selector of SELECTORS) {
    if (!selector.key.test(name)) continue;
    const engine = selector.values[value.toLowerCase()];
    if (engine) result.push({ selector, engine });
  }
  return result;
}

export function isSelectorKey(key: string): boolean {
  const name = key.toUpperCase();
  return SELECTORS.some((selector) => selector.key.test(name));
}
