import { resolveUrlScheme } from "../../catalog";
import { redactText } from "../../redact";
import type { Environment, ExtractedUse, FactVia, ServiceKind } from "../../types";

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
  /** The branch of an `if` on an environment variable the fact sits in, null when unconditional. */
  branch: Branch | null;
  /** The value the deploy gives (a scheme rewrite of the deployed URL), not a fallback. */
  deployed?: boolean;
  /** The environment variable read names the fallback's engine (`REDIS_URL`): every deploy runs it. */
  named?: string;
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

const DJANGO_ENGINE_KEY =
  /["']ENGINE["']\s*:\s*["'](django\.(contrib\.gis\.)?db\.backends\.|mssql["']|django_cockroachdb)/;
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

/** The branch of an `if` on an environment variable that holds a fact. */
export interface Branch {
  /** `gated`: runs when the deploy sets the selector; `fallback`: runs when nothing is set. */
  role: "gated" | "fallback";
  /** Environment variables the condition reads (`DB`, `DATABASE_URL`). */
  selectors: string[];
  /** Value the condition compares the selector with (`postgres`), when it does. */
  value: string | null;
}

interface Block {
  indent: number;
  kind: "if" | "else" | "class" | "other";
  branch: Branch | null;
  /** The `if` chain an `elif`/`else` continues. */
  chain: Gate | null;
  owner: string | null;
  /** The subject of a `match` statement, which its `case` lines compare. */
  subject?: string;
}

interface Gate {
  selectors: string[];
  value: string | null;
  negated: boolean;
}

const ENV_READ_KEYS = [
  /(?:getenv|environ\.get|\benv(?:\.\w+)?|\bconfig)\(\s*["'](\w+)["']/g,
  // Project helpers named for what they read: `get_choice_from_env("APP_DBENGINE", ...)`, `env_str("X")`.
  /\b(?:\w+_)?env(?:_\w+)?\(\s*["']([A-Z][A-Z0-9_]+)["']/g,
  /environ\[\s*["'](\w+)["']\s*\]/g,
  /["'](\w+)["']\s+(?:not\s+)?in\s+(?:os\.)?environ\b/g,
];

function envKeys(text: string): string[] {
  const keys: string[] = [];
  for (const pattern of ENV_READ_KEYS) for (const match of text.matchAll(pattern)) if (match[1]) keys.push(match[1]);
  return [...new Set(keys)];
}

/** A literal default of an environment read (`os.getenv("DB", "sqlite")`, `env("X", default="y")`). */
function envDefault(text: string): string | null {
  return (
    /(?:getenv|environ\.get|\benv(?:\.\w+)?)\(\s*["']\w+["']\s*,\s*(?:default\s*=\s*)?["']([^"']*)["']/.exec(
      text,
    )?.[1] ??
    /(?:getenv|environ\.get)\(\s*["']\w+["']\s*\)\s*or\s*["']([^"']*)["']/.exec(text)?.[1] ??
    ternaryFallback(text) ??
    null
  );
}

/**
 * `"postgresql" if "DBHOST" in os.environ else "sqlite"`: the else value runs when the variable is
 * unset; with a negated test (`not in os.environ`, `not os.getenv(...)`) the first value does.
 */
function ternaryFallback(text: string): string | null {
  const match = /["']([^"']*)["']\s+if\s+([^\n]*?)\belse\s+["']([^"']*)["']/.exec(text);
  if (!match || !/environ|getenv/.test(match[2] ?? "")) return null;
  return /\bnot\b/.test(match[2] ?? "") ? (match[1] ?? null) : (match[3] ?? null);
}

/** The environment variables an `if` condition tests, or null when it tests none. */
function gateOf(condition: string, envVars: Map<string, { keys: string[]; fallback: string | null }>): Gate | null {
  const selectors = new Set(envKeys(condition));
  let fallback: string | null = null;
  for (const match of condition.matchAll(/\b([A-Za-z_]\w*)\b/g)) {
    const variable = envVars.get(match[1] ?? "");
    if (!variable) continue;
    for (const key of variable.keys) selectors.add(key);
    fallback ??= variable.fallback;
  }
  if (selectors.size === 0) return null;
  const value = /==\s*["']([^"']+)["']/.exec(condition)?.[1] ?? null;
  // `if DB == "sqlite"` where DB defaults to sqlite: the branch is what runs when nothing is set.
  const negated = /\bnot\s+in\b|!=|^\s*not\b|\bis\s+None\b/.test(condition) || (value !== null && value === fallback);
  return { selectors: [...selectors], value: negated ? null : value, negated };
}

const COMPOUND = /^(\s*)(if|elif|else|for|while|with|try|except|finally|def|async\s+def|match|case)\b(.*?):\s*(#.*)?$/;

/** Net bracket depth change of a line, outside strings and comments. */
function bracketDelta(text: string): number {
  let delta = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quote) {
      if (char === "\\") i += 1;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === "#") break;
    if (char === '"' || char === "'") quote = char;
    else if (char === "(" || char === "[" || char === "{") delta += 1;
    else if (char === ")" || char === "]" || char === "}") delta -= 1;
  }
  return delta;
}

/** Words in environment variable names that name a server engine (`REDIS_URL`, `RABBITMQ_URL`). */
const ENGINE_WORDS: Record<string, string> = {
  redis: "redis",
  valkey: "redis",
  rabbitmq: "rabbitmq",
  amqp: "rabbitmq",
  memcached: "memcached",
  memcache: "memcached",
  postgres: "postgres",
  postgresql: "postgres",
  mysql: "mysql",
  mariadb: "mariadb",
  mongo: "mongodb",
  mongodb: "mongodb",
};

/**
 * The environment variable among `keys` whose name names `engine` (`REDIS_URL` for a Redis
 * fallback): whatever a deploy sets it to is that engine, so the fallback's engine runs there too.
 */
function namingKey(keys: readonly string[], engine: string): string | undefined {
  return keys.find((key) =>
    key
      .toLowerCase()
      .split(/_+/)
      .some((word) => ENGINE_WORDS[word] === engine),
  );
}

/** The scheme rewrite Heroku-style apps do on the deployed URL: `.replace("postgres://", "postgresql://")`. */
const SCHEME_REWRITE = /["']postgres:\/\/["']\s*,\s*["']postgresql(?:\+\w+)?:\/\/["']/;

/**
 * `groups` adds settings of one framework: Flask apps name their RQ/Celery Redis `REDIS_URL`,
 * which in Django settings is a shared variable that other settings reference.
 */
export function scanSettings(content: string, groups: Readonly<Record<string, SettingGroup>> = {}): ScannedSettings {
  const facts: SettingFact[] = [];
  const assigned = new Map<SettingGroup, Set<string | null>>();
  const starImports: string[] = [];
  const classes = new Map<string, string[]>();
  const envVars = new Map<string, { keys: string[]; fallback: string | null }>();
  /** Module-level variables that are not settings (`REDIS_URL = env(...)`), for settings that name them. */
  const variables = new Map<string, { text: string; line: number }>();
  let mediaRootLine: number | null = null;
  let current: {
    setting: string;
    group: SettingGroup | null;
    owner: string | null;
    text: string;
    branch: Branch | null;
  } | null = null;
  const blocks: Block[] = [];
  const chains = new Map<number, Gate | null>();
  let depth = 0;
  let continued = false;
  const owner = (): string | null => blocks.findLast((block) => block.kind === "class")?.owner ?? null;
  const branch = (): Branch | null => blocks.findLast((block) => block.branch !== null)?.branch ?? null;
  let docstring: string | null = null;
  content.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    // Lines inside a triple-quoted string are text, not code.
    for (const quote of text.match(/"""|'''/g) ?? [])
      docstring = docstring === null ? quote : docstring === quote ? null : docstring;
    if (docstring !== null || /^\s*("""|''')/.test(text)) return;
    if (/^\s*#/.test(text) || text.trim() === "") return;
    const statement = depth <= 0 && !continued;
    depth = Math.max(0, depth + bracketDelta(text));
    continued = /\\\s*$/.test(text);
    if (statement) {
      const indent = /^\s*/.exec(text)?.[0].length ?? 0;
      while (blocks.length > 0 && (blocks.at(-1)?.indent ?? 0) >= indent) {
        const block = blocks.pop();
        if (block?.kind === "if") chains.set(block.indent, block.chain);
      }
      current = null;
      const klass = /^(\s*)class\s+(\w+)\s*(?:\(([^)]*)\))?\s*:/.exec(text);
      if (klass?.[2]) {
        classes.set(
          klass[2],
          (klass[3] ?? "")
            .split(",")
            .map((p) => p.trim())
            .filter(Boolean),
        );
        blocks.push({ indent, kind: "class", branch: null, chain: null, owner: klass[2] });
        return;
      }
      const compound = COMPOUND.exec(text);
      if (compound) {
        const keyword = compound[2] ?? "";
        // `match engine:` / `case "sqlite":` is an `if engine == "sqlite"` chain; `case _:` its else.
        const subject =
          keyword === "case" ? blocks.findLast((block) => block.subject !== undefined)?.subject : undefined;
        const pattern = /^\s*(["'][^"']*["'])\s*$/.exec(compound[3] ?? "")?.[1];
        const wildcard = keyword === "case" && /^\s*_\s*$/.test(compound[3] ?? "");
        if (keyword === "if" || keyword === "elif" || (keyword === "case" && !wildcard)) {
          const condition =
            keyword === "case" ? (subject && pattern ? `${subject} == ${pattern}` : "") : (compound[3] ?? "");
          const gate = gateOf(condition, envVars) ?? (keyword === "elif" ? (chains.get(indent) ?? null) : null);
          const role = gate ? (gate.negated ? "fallback" : "gated") : null;
          blocks.push({
            indent,
            kind: "if",
            branch: gate && role ? { role, selectors: gate.selectors, value: gate.value } : null,
            chain: gate,
            owner: null,
          });
        } else if (keyword === "else" || wildcard) {
          const gate = chains.get(indent) ?? null;
          blocks.push({
            indent,
            kind: "else",
            branch: gate ? { role: gate.negated ? "gated" : "fallback", selectors: gate.selectors, value: null } : null,
            chain: null,
            owner: null,
          });
        } else {
          const subject = keyword === "match" ? (compound[3] ?? "").trim() : undefined;
          blocks.push({
            indent,
            kind: "other",
            branch: null,
            chain: null,
            owner: null,
            ...(subject ? { subject } : {}),
          });
        }
        return;
      }
      const star = /^from\s+([\w.]*?)\.?(\w+)\s+import\s+\*/.exec(text);
      if (star?.[2]) starImports.push(star[2]);
      const assignment = ASSIGNMENT.exec(text);
      if (assignment?.[2]) {
        const setting = assignment[2];
        current = {
          setting,
          group: GROUPS[setting] ?? groups[setting] ?? null,
          owner: owner(),
          text: "",
          branch: branch(),
        };
        if (setting === "MEDIA_ROOT") mediaRootLine = line;
        // `DATABASES["default"]["CONN_MAX_AGE"] = 60` tweaks the inherited value: not an override.
        const tweak = /^\s*\w+\s*\[/.test(text) && lineFacts(text, current.group ?? "database", setting).length === 0;
        if (current.group && !tweak) {
          const owners = assigned.get(current.group) ?? new Set<string | null>();
          owners.add(current.owner);
          assigned.set(current.group, owners);
        }
      }
    }
    if (!current) return;
    // A literal after `os.environ.get(...) or \` is the fallback of that read.
    const afterOr = /\bor\s*[\\(]?\s*$/.test(current.text.trimEnd()) || /^\s*or\b/.test(text);
    current.text += `${text}\n`;
    // A connection dict built in a helper (`db_config = {"ENGINE": "django.db.backends.sqlite3"}`)
    // is a database setting whatever its variable is called.
    if (!current.group && DJANGO_ENGINE_KEY.test(text)) {
      current.group = "database";
      const owners = assigned.get("database") ?? new Set<string | null>();
      owners.add(current.owner);
      assigned.set("database", owners);
    }
    // The whole statement so far: a call's key may sit on the line after its opening bracket.
    const keys = envKeys(current.text);
    if (keys.length > 0 && !current.group) {
      const known = envVars.get(current.setting);
      envVars.set(current.setting, {
        keys: [...new Set([...(known?.keys ?? []), ...keys])],
        fallback: known?.fallback ?? envDefault(current.text),
      });
    }
    if (!current.group) {
      if (current.owner === null) {
        const known = variables.get(current.setting);
        variables.set(current.setting, {
          text: `${statement ? "" : (known?.text ?? "")}${text}\n`,
          line: statement ? line : (known?.line ?? line),
        });
      }
      return;
    }
    const base = { group: current.group, line, raw: shorten(text), owner: current.owner, branch: current.branch };
    if (SCHEME_REWRITE.test(text) && envKeys(current.text).length > 0) {
      facts.push({ ...base, kind: "database", engine: "postgres", via: "url", deployed: true });
      return;
    }
    const readsEnv = afterOr && FALLBACK.test(current.text);
    const found = lineFacts(text, current.group, current.setting);
    for (const fact of found) {
      const named = fact.via === "default" || readsEnv ? namingKey(envKeys(current.text), fact.engine) : undefined;
      facts.push({ ...base, ...fact, via: readsEnv ? "default" : fact.via, ...(named ? { named } : {}) });
    }
    // `CELERY_BROKER_URL = REDIS_URL`: the setting takes the value of a module variable.
    const reference = statement ? /^\s*\w+\s*=\s*([A-Za-z_]\w*)\s*(#.*)?$/.exec(text)?.[1] : undefined;
    const variable = reference ? variables.get(reference) : undefined;
    if (found.length === 0 && reference && variable) {
      for (const fact of lineFacts(variable.text, current.group, current.setting)) {
        const named = fact.via === "default" ? namingKey(envKeys(variable.text), fact.engine) : undefined;
        const definition = variable.text.trim().replace(/\s+/g, " ");
        const read = envVars.get(reference);
        const shown =
          read?.fallback && read.keys[0]
            ? `${read.keys[0]} defaults to ${read.fallback}`
            : definition.length > 70
              ? `${definition.slice(0, 67)}...`
              : definition;
        const raw = shorten(`${text.replace(/#.*$/, "").trim()} (line ${variable.line}: ${shown})`);
        facts.push({ ...base, ...fact, raw, ...(named ? { named } : {}) });
      }
    }
  });
  return { facts: unconditionalFallbacks(facts.map(mariadbBranch)), assigned, starImports, mediaRootLine, classes };
}

/** Django's MySQL backend serves MariaDB too: the branch selected by `DB_ENGINE=mariadb` runs MariaDB. */
function mariadbBranch(fact: SettingFact): SettingFact {
  return fact.engine === "mysql" && /maria/i.test(fact.branch?.value ?? "") ? { ...fact, engine: "mariadb" } : fact;
}

/**
 * An unconditional value that a later `if` on an environment variable replaces is the value that
 * runs when nothing is set: the fallback (`DATABASES = sqlite` then `if os.getenv("DB") == ...`).
 */
function unconditionalFallbacks(facts: SettingFact[]): SettingFact[] {
  return facts.map((fact) => {
    if (fact.branch || fact.deployed) return fact;
    const later = facts.filter(
      (other) =>
        other.branch?.role === "gated" &&
        other.group === fact.group &&
        other.owner === fact.owner &&
        other.line > fact.line,
    );
    if (later.length === 0) return fact;
    const selectors = [...new Set(later.flatMap((other) => other.branch?.selectors ?? []))];
    return { ...fact, branch: { role: "fallback", selectors, value: null } };
  });
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

/** The fact's text and why this environment runs it (180 characters at most; the text is cut first so the reason stays). */
function withNote(raw: string, note: string): string {
  const room = Math.max(60, 177 - note.length - 3);
  const text = raw.length > room ? `${raw.slice(0, room - 3)}...` : raw;
  const clean = redactText(`${text} (${note})`.replace(/\s+/g, " "));
  return clean.length > 180 ? `${clean.slice(0, 177)}...` : clean;
}

function condition(branch: Branch): string {
  const names = branch.selectors.join(" or ");
  if (branch.role === "fallback") return `${names} unset`;
  return branch.value !== null ? `${names}=${branch.value}` : `${names} set`;
}

function isDeployed(environment: Environment | undefined): boolean {
  return environment === "staging" || environment === "prod";
}

/** Where the environment variables a branch tests are set: filled by the caller from deploy files. */
export type SelectorLookup = (selectors: readonly string[], value: string | null) => Map<Environment, string[]>;

/**
 * The uses of one fact for one target environment of its module (`undefined`: a module nothing
 * places). `own` is true when the module (or config class) is that environment's own, not one it
 * inherits from. Branches on environment variables are read as the application reads them:
 * - the scheme rewrite of a deployed URL is the deploy's value (prod);
 * - a gated branch runs in its own deploy module (production.py's `if REDIS_URL:`), and wherever a
 *   deploy file sets its selector; nowhere else (the files do not say it runs);
 * - a fallback (`else`, `or "sqlite://"`, `default=`) runs where nothing is set: in dev, test
 *   and CI runs, never in a deployed environment it is inherited into.
 * The raw text says which branch the environment takes and why.
 */
export function placeFact(
  fact: SettingFact,
  target: Environment | undefined,
  own: boolean,
  lookup: SelectorLookup,
  extra: Partial<ExtractedUse>,
): ExtractedUse[] {
  const at = (environment: Environment | undefined, note?: string): ExtractedUse =>
    toUse(fact, {
      ...extra,
      ...(environment ? { environment } : {}),
      ...(note ? { raw: withNote(fact.raw, note) } : {}),
    });
  if (fact.deployed) {
    if (target === undefined) return [at("prod", "the deployed URL: the app rewrites its scheme")];
    return isDeployed(target) ? [at(target, "the deployed URL: the app rewrites its scheme")] : [];
  }
  const branch = fact.branch;
  if (branch?.role === "gated") {
    if (target !== undefined && own && isDeployed(target)) {
      return [at(target, `${target} settings, branch taken when ${condition(branch)}`)];
    }
    const where = lookup(branch.selectors, branch.value);
    // Test settings run in CI: a workflow setting the selector selects the branch for CI's tests.
    const reached = (environment: Environment): Environment[] =>
      [environment, ...(environment === "test" ? (["ci"] as const) : [])].filter((e) => where.has(e));
    const environments = target === undefined ? [...where.keys()] : reached(target);
    return environments.map((environment) =>
      at(environment, `branch taken where ${condition(branch)}: ${(where.get(environment) ?? []).join(", ")}`),
    );
  }
  if (branch?.role === "fallback") {
    // A dev compose setting the selector is one dev setup; the bare local run still takes the fallback.
    if (isDeployed(target)) return [];
    // CI runs one setup: where its files set the selector, the gated branch runs instead.
    if (target === "ci" && lookup(branch.selectors, null).has("ci")) return [];
    return [at(target ?? "dev", `branch taken when ${condition(branch)}`)];
  }
  if (fact.via === "default" && fact.named) {
    // The fallback's URL says the engine and the variable's name says it too: a deploy sets it to
    // another URL of the same engine (its host), not to another engine.
    const note = `deploys set ${fact.named}, whose name says the engine`;
    if (target === undefined) return [at("dev"), at("prod", note)];
    return [at(target, isDeployed(target) && !own ? note : undefined)];
  }
  if (fact.via === "default" && isDeployed(target) && !own) return [];
  return [at(target)];
}
