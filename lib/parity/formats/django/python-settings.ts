import { resolveUrlScheme } from "../../catalog";
import { redactText } from "../../redact";
import type { ExtractedUse, FactVia, ServiceKind } from "../../types";

/**
 * Django and Flask settings read as TEXT (never executed). A line `NAME = ...` (any indentation)
 * opens a setting; following lines belong to it until the next assignment, which is enough for
 * the dict literals (`DATABASES = {...}`) settings modules are made of.
 */

export type SettingGroup = "database" | "cache" | "broker" | "storage";

const GROUPS: Record<string, SettingGroup> = {
  DATABASES: "database",
  SQLALCHEMY_DATABASE_URI: "database",
  CACHES: "cache",
  CACHE_TYPE: "cache",
  CELERY_BROKER_URL: "broker",
  BROKER_URL: "broker",
  broker_url: "broker",
  CELERY_TASK_ALWAYS_EAGER: "broker",
  CELERY_ALWAYS_EAGER: "broker",
  task_always_eager: "broker",
  STORAGES: "storage",
  DEFAULT_FILE_STORAGE: "storage",
};

/** A fact found in a settings module, before it is placed in environments. */
export interface SettingFact {
  group: SettingGroup;
  kind: ServiceKind;
  engine: string;
  line: number;
  raw: string;
  via: FactVia;
  /** Class that holds the setting (Flask config classes), null at module level. */
  owner: string | null;
}

export interface ScannedSettings {
  facts: SettingFact[];
  /** Groups the module assigns, even when the engine is unknown (`env.db()` without default). */
  assigned: Map<SettingGroup, Set<string | null>>;
  /** `from .base import *` targets (module names). */
  starImports: string[];
  mediaRootLine: number | null;
  /** Flask config classes: name -> parent class names. */
  classes: Map<string, string[]>;
}

const DB_ENGINES: [RegExp, string][] = [
  [/backends\.sqlite3$/, "sqlite"],
  [/backends\.(postgresql(_psycopg2)?|postgis)$/, "postgres"],
  [/backends\.mysql$/, "mysql"],
  [/backends\.oracle$/, "oracle"],
  [/^(mssql|sql_server\.pyodbc)$/, "sqlserver"],
  [/^django_cockroachdb$/, "cockroachdb"],
];

const CACHE_BACKENDS: [RegExp, string][] = [
  [/locmem\.LocMemCache$/, "in-memory"],
  [/dummy\.DummyCache$/, "in-memory"],
  // File-based caches are per-machine state, an in-memory stand-in for parity purposes.
  [/filebased\.FileBasedCache$/, "in-memory"],
  [/(backends\.redis\.RedisCache|django_redis\.cache\.RedisCache)$/, "redis"],
  [/memcached\.\w+$/, "memcached"],
];

const FLASK_CACHE_TYPES: Record<string, string> = {
  SimpleCache: "in-memory",
  simple: "in-memory",
  NullCache: "in-memory",
  null: "in-memory",
  RedisCache: "redis",
  redis: "redis",
  MemcachedCache: "memcached",
};

const STORAGE_BACKENDS: [RegExp, string][] = [
  [/storages\.backends\.(s3boto3\.S3Boto3Storage|s3\.S3Storage)$/, "s3"],
  [/storages\.backends\.gcloud\.GoogleCloudStorage$/, "gcs"],
  [/storages\.backends\.azure_storage\.AzureStorage$/, "azure-blob"],
  [/files\.storage\.FileSystemStorage$/, "local-disk"],
];

/** Extra URL schemes of django-environ and Celery that the shared catalog does not list. */
const EXTRA_SCHEMES: Record<string, { kind: ServiceKind; engine: string }> = {
  locmemcache: { kind: "cache", engine: "in-memory" },
  dummycache: { kind: "cache", engine: "in-memory" },
  rediscache: { kind: "cache", engine: "redis" },
  pymemcache: { kind: "cache", engine: "memcached" },
  memory: { kind: "broker", engine: "in-process" },
  "sqla+sqlite": { kind: "database", engine: "sqlite" },
};

const ASSIGNMENT = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[[^\]]*\])*\s*(?::[^=]*)?=(?!=)/;
const STRING_LITERAL = /["']([^"'\s]+)["']/g;
const FALLBACK = /(default\s*=|environ\.get\(|getenv\(|\benv\(|\benv\.\w+\(|config\()/;

function shorten(text: string): string {
  const clean = redactText(text.trim().replace(/\s+/g, " "));
  return clean.length > 140 ? `${clean.slice(0, 137)}...` : clean;
}

function urlService(url: string, group: SettingGroup): { kind: ServiceKind; engine: string } | null {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  const extra = scheme ? EXTRA_SCHEMES[scheme] : undefined;
  const found = extra ?? resolveUrlScheme(url);
  if (!found) return null;
  // A Redis or AMQP URL under a Celery setting is the task broker.
  if (group === "broker") return { kind: "broker", engine: found.engine === "in-memory" ? "in-process" : found.engine };
  if (group === "cache" && found.kind !== "cache") return null;
  if (group === "database" && found.kind !== "database") return null;
  return found;
}

function lineFacts(
  text: string,
  group: SettingGroup,
  setting: string,
): { kind: ServiceKind; engine: string; via: FactVia }[] {
  const via: FactVia = FALLBACK.test(text) ? "default" : "setting";
  const found: { kind: ServiceKind; engine: string; via: FactVia }[] = [];
  if (group === "broker" && /ALWAYS_EAGER|always_eager/.test(setting) && /=\s*True\b/.test(text)) {
    return [{ kind: "broker", engine: "in-process", via: "setting" }];
  }
  if (setting === "CACHE_TYPE") {
    const value = /["']([\w.]+)["']/.exec(text)?.[1]?.split(".").pop();
    const engine = value ? FLASK_CACHE_TYPES[value] : undefined;
    return engine ? [{ kind: "cache", engine, via }] : [];
  }
  for (const match of text.matchAll(STRING_LITERAL)) {
    const literal = match[1] ?? "";
    const table =
      group === "database"
        ? DB_ENGINES
        : group === "cache"
          ? CACHE_BACKENDS
          : group === "storage"
            ? STORAGE_BACKENDS
            : [];
    const engine = table.find(([pattern]) => pattern.test(literal))?.[1];
    if (engine) {
      found.push({ kind: group, engine, via });
      continue;
    }
    if (literal.includes(":")) {
      const service = urlService(literal, group);
      if (service) found.push({ ...service, via: via === "setting" ? "url" : via });
    }
  }
  return found;
}

export function scanSettings(content: string): ScannedSettings {
  const facts: SettingFact[] = [];
  const assigned = new Map<SettingGroup, Set<string | null>>();
  const starImports: string[] = [];
  const classes = new Map<string, string[]>();
  let mediaRootLine: number | null = null;
  let current: { setting: string; group: SettingGroup | null; owner: string | null } | null = null;
  let owner: string | null = null;
  content.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    if (/^\s*#/.test(text) || text.trim() === "") return;
    const klass = /^class\s+(\w+)\s*(?:\(([^)]*)\))?\s*:/.exec(text);
    if (klass?.[1]) {
      owner = klass[1];
      classes.set(
        owner,
        (klass[2] ?? "")
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
      );
      current = null;
      return;
    }
    // A statement at column 0 leaves any class body; closing brackets continue the open setting.
    if (/^[^\s})\]]/.test(text)) {
      owner = null;
      if (!ASSIGNMENT.test(text)) current = null;
    }
    const star = /^from\s+([\w.]*?)\.?(\w+)\s+import\s+\*/.exec(text);
    if (star?.[2]) starImports.push(star[2]);
    const assignment = ASSIGNMENT.exec(text);
    if (assignment?.[2]) {
      const setting = assignment[2];
      current = { setting, group: GROUPS[setting] ?? null, owner };
      if (setting === "MEDIA_ROOT") mediaRootLine = line;
      // `DATABASES["default"]["CONN_MAX_AGE"] = 60` tweaks the inherited value: not an override.
      const tweak = /^\s*\w+\s*\[/.test(text) && lineFacts(text, current.group ?? "database", setting).length === 0;
      if (current.group && !tweak) {
        const owners = assigned.get(current.group) ?? new Set<string | null>();
        owners.add(owner);
        assigned.set(current.group, owners);
      }
    }
    if (!current?.group) return;
    for (const fact of lineFacts(text, current.group, current.setting)) {
      facts.push({ group: current.group, ...fact, line, raw: shorten(text), owner: current.owner });
    }
  });
  return { facts, assigned, starImports, mediaRootLine, classes };
}

export function toUse(fact: SettingFact, extra: Partial<ExtractedUse>): ExtractedUse {
  return {
    kind: fact.kind,
    engine: fact.engine,
    version: null,
    pinned: null,
    line: fact.line,
    raw: fact.raw,
    via: fact.via,
    ...extra,
  };
}

/**
 * A use the file does not place holds in every environment; the inventory only places uses
 * whose file or use names an environment, so it is written for dev and prod (the two ends of
 * parity). A fallback (`via: default`) only runs where the variable is unset: dev.
 */
export function placeEverywhere(uses: ExtractedUse[]): ExtractedUse[] {
  return uses.flatMap((use): ExtractedUse[] => {
    if (use.environment) return [use];
    if (use.via === "default") return [{ ...use, environment: "dev" }];
    return [
      { ...use, environment: "dev" },
      { ...use, environment: "prod" },
    ];
  });
}
