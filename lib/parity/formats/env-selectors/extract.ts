import type { ExtractContext, ExtractedUse, ExtractResult, FormatFile, ServiceKind } from "../../types";
import { pathIndex } from "../path-index";

/**
 * Application-specific selector variables in `.env.*` files: the value the app's own config code
 * switches on (`HD_DATABASE_TYPE=sqlite`, `FILE_STORAGE=local`, `STORAGE_DRIVER=s3`). The file is
 * placed by the path rules (`.env.example` dev, `.env.test` test, `.env.production` prod). A bare
 * `.env` is the sibling compose file's, whose environment the path alone does not give, and
 * reference lists (`.env.example.complete`) document every option: neither is read. Laravel apps
 * are left to the laravel format, which reads the same keys with Laravel's layering.
 */

const SELECTORS: { kind: ServiceKind; key: RegExp; values: Record<string, string> }[] = [
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

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*["']?([A-Za-z0-9_.-]*)["']?\s*(?:#.*)?$/;

export function extractEnvSelectors(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const dir = file.path.slice(0, file.path.lastIndexOf("/") + 1);
  if (pathIndex(ctx.paths).has(`${dir}artisan`)) return { uses: [], problems: [] };
  const uses: ExtractedUse[] = [];
  file.content.split("\n").forEach((text, index) => {
    const match = LINE.exec(text);
    if (!match?.[1] || !match[2]) return;
    const key = match[1].toUpperCase();
    for (const selector of SELECTORS) {
      if (!selector.key.test(key)) continue;
      const engine = selector.values[match[2].toLowerCase()];
      if (!engine) continue;
      uses.push({
        kind: selector.kind,
        engine,
        version: null,
        pinned: null,
        line: index + 1,
        raw: `${match[1]}=${match[2]} (selects the ${selector.kind})`,
        via: "setting",
        name: match[1],
      });
    }
  });
  return { uses, problems: [] };
}
