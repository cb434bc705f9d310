import { redactText } from "../../redact";
import type { ServiceKind } from "../../types";

/** The four Laravel settings that name a backing service, with their older spellings. */
export type LaravelKey = "DB_CONNECTION" | "CACHE_STORE" | "QUEUE_CONNECTION" | "FILESYSTEM_DISK";

const ALIASES: Record<string, LaravelKey> = {
  DB_CONNECTION: "DB_CONNECTION",
  CACHE_STORE: "CACHE_STORE",
  CACHE_DRIVER: "CACHE_STORE",
  QUEUE_CONNECTION: "QUEUE_CONNECTION",
  QUEUE_DRIVER: "QUEUE_CONNECTION",
  FILESYSTEM_DISK: "FILESYSTEM_DISK",
  FILESYSTEM_DRIVER: "FILESYSTEM_DISK",
};

export const KEYS: readonly LaravelKey[] = ["DB_CONNECTION", "CACHE_STORE", "QUEUE_CONNECTION", "FILESYSTEM_DISK"];

export interface LaravelSetting {
  key: LaravelKey;
  value: string;
  line: number;
  raw: string;
}

function shorten(text: string): string {
  const clean = redactText(text.trim().replace(/\s+/g, " "));
  return clean.length > 140 ? `${clean.slice(0, 137)}...` : clean;
}

/** Keeps the last assignment of each key, as dotenv does. */
function lastOfEach(settings: LaravelSetting[]): LaravelSetting[] {
  const byKey = new Map<LaravelKey, LaravelSetting>();
  for (const setting of settings) byKey.set(setting.key, setting);
  return [...byKey.values()];
}

/** `.env*` files: `KEY=value`, optional `export`, quotes and trailing comments. */
export function envFileSettings(content: string): LaravelSetting[] {
  const found: LaravelSetting[] = [];
  content.split(/\r?\n/).forEach((text, index) => {
    const match = /^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)\s*=\s*["']?([^"'#\s]*)/.exec(text);
    const key = match?.[1] ? ALIASES[match[1]] : undefined;
    if (!key || !match?.[2]) return;
    found.push({ key, value: match[2].toLowerCase(), line: index + 1, raw: shorten(text) });
  });
  return lastOfEach(found);
}

/** `phpunit.xml` `<env name="DB_CONNECTION" value="sqlite"/>` (read as text, one element a line). */
export function phpunitSettings(content: string): LaravelSetting[] {
  const found: LaravelSetting[] = [];
  content.split(/\r?\n/).forEach((text, index) => {
    if (/^\s*<!--/.test(text)) return;
    const match = /<(?:env|server)\s+name="([A-Z_]+)"\s+value="([^"]*)"/.exec(text);
    const key = match?.[1] ? ALIASES[match[1]] : undefined;
    if (!key || !match?.[2]) return;
    found.push({ key, value: match[2].toLowerCase(), line: index + 1, raw: shorten(text) });
  });
  return lastOfEach(found);
}

/** `config/*.php`: the fallback of `env('DB_CONNECTION', 'sqlite')`, read as text. */
export function configDefaults(content: string): LaravelSetting[] {
  const found: LaravelSetting[] = [];
  content.split(/\r?\n/).forEach((text, index) => {
    if (/^\s*(\/\/|#|\*)/.test(text)) return;
    for (const match of text.matchAll(/env\(\s*['"]([A-Z_]+)['"]\s*,\s*['"]([^'"]+)['"]\s*\)/g)) {
      const key = match[1] ? ALIASES[match[1]] : undefined;
      if (key && match[2]) found.push({ key, value: match[2].toLowerCase(), line: index + 1, raw: shorten(text) });
    }
  });
  return lastOfEach(found);
}

const DATABASES: Record<string, string> = {
  sqlite: "sqlite",
  mysql: "mysql",
  mariadb: "mariadb",
  pgsql: "postgres",
  sqlsrv: "sqlserver",
};

const CACHES: Record<string, string> = {
  array: "in-memory",
  // The file cache is local per-machine state, like an in-memory store: no shared server.
  file: "in-memory",
  apc: "in-memory",
  redis: "redis",
  memcached: "memcached",
};

const QUEUES: Record<string, string> = {
  sync: "in-process",
  redis: "redis",
  sqs: "sqs",
  rabbitmq: "rabbitmq",
};

const DISKS: Record<string, string> = { local: "local-disk", public: "local-disk", s3: "s3", gcs: "gcs" };

/** A setting's service; `database` cache or queue drivers use the environment's database. */
export function serviceOf(
  setting: LaravelSetting,
  databaseEngine: string | null,
): { kind: ServiceKind; engine: string } | null {
  const { key, value } = setting;
  if (key === "DB_CONNECTION") return DATABASES[value] ? { kind: "database", engine: DATABASES[value] } : null;
  if (key === "FILESYSTEM_DISK") return DISKS[value] ? { kind: "storage", engine: DISKS[value] } : null;
  const kind: ServiceKind = key === "CACHE_STORE" ? "cache" : "broker";
  const engine = value === "database" ? databaseEngine : (key === "CACHE_STORE" ? CACHES : QUEUES)[value];
  return engine ? { kind, engine } : null;
}
