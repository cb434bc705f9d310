import { normalizeVersion, resolveUrlScheme } from "../../catalog";
import { redactText } from "../../redact";
import type { FactVia, ServiceKind } from "../../types";
import { relaxedKey, type SpringEntry } from "./entries";

/** Groups a profile overrides as a whole: a profile setting any key of a group replaces it. */
export type SpringGroup = "database" | "cache" | "redis" | "rabbitmq" | "kafka" | "mongodb" | "elasticsearch";

export interface SpringFact {
  group: SpringGroup;
  kind: ServiceKind;
  engine: string;
  version: string | null;
  line: number;
  raw: string;
  via: FactVia;
  profile: string | null;
}

/** Key prefixes of each group (relaxed). The first key of a group in a document is the fact. */
const PREFIXES: [string, SpringGroup][] = [
  ["spring.datasource.", "database"],
  ["spring.r2dbc.", "database"],
  ["spring.cache.type", "cache"],
  ["spring.data.redis.", "redis"],
  ["spring.redis.", "redis"],
  ["spring.rabbitmq.", "rabbitmq"],
  ["spring.kafka.", "kafka"],
  ["spring.data.mongodb.", "mongodb"],
  ["spring.elasticsearch.", "elasticsearch"],
].map(([prefix, group]) => [relaxedKey(prefix as string), group as SpringGroup]);

const URL_KEYS = new Set(["spring.datasource.url", "spring.datasource.jdbc-url", "spring.r2dbc.url"].map(relaxedKey));

export function groupOf(key: string): SpringGroup | null {
  return PREFIXES.find(([prefix]) => key.startsWith(prefix))?.[1] ?? null;
}

/** `${DB_URL:jdbc:h2:mem:testdb}` -> the default after the first colon; literals unchanged. */
export function placeholder(value: string): { text: string | null; isDefault: boolean } {
  const match = /^\$\{([^:}]+)(?::(.*))?\}$/.exec(value.trim());
  if (!match) return { text: value.trim(), isDefault: false };
  return { text: match[2] ?? null, isDefault: true };
}

/** JDBC/R2DBC URL to engine; `jdbc:tc:postgresql:15:///db` is Testcontainers' JDBC URL. */
export function jdbcService(url: string): { engine: string; version: string | null } | null {
  let text = url
    .trim()
    .replace(/^r2dbc:(pool:)?/i, "")
    .replace(/^jdbc:/i, "");
  let version: string | null = null;
  const tc = /^tc:([a-z0-9]+):([\w.-]+):/i.exec(text);
  if (tc?.[1]) {
    text = `${tc[1]}:`;
    version = tc[2] ?? null;
  }
  const found = resolveUrlScheme(text);
  if (found?.kind !== "database") return null;
  return { engine: found.engine, version: version ? normalizeVersion(found.engine, version) : null };
}

const CACHE_TYPES: Record<string, string> = {
  simple: "in-memory",
  none: "in-memory",
  caffeine: "in-memory",
  redis: "redis",
};

const GROUP_ENGINES: Partial<Record<SpringGroup, { kind: ServiceKind; engine: string }>> = {
  redis: { kind: "cache", engine: "redis" },
  rabbitmq: { kind: "broker", engine: "rabbitmq" },
  kafka: { kind: "broker", engine: "kafka" },
  mongodb: { kind: "database", engine: "mongodb" },
  elasticsearch: { kind: "search", engine: "elasticsearch" },
};

function raw(entry: SpringEntry): string {
  const text = redactText(`${entry.name}: ${entry.value}`);
  return text.length > 140 ? `${text.slice(0, 137)}...` : text;
}

/** The facts of a file's entries: one per group and document (the group's first key). */
export function springFacts(entries: SpringEntry[]): SpringFact[] {
  const facts: SpringFact[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const group = groupOf(entry.key);
    if (!group) continue;
    const base = { group, profile: entry.profile, line: entry.line, raw: raw(entry) };
    if (group === "database") {
      if (!URL_KEYS.has(entry.key)) continue;
      const { text, isDefault } = placeholder(entry.value);
      const service = text ? jdbcService(text) : null;
      if (service) facts.push({ ...base, kind: "database", ...service, via: isDefault ? "default" : "url" });
      continue;
    }
    if (group === "cache") {
      const { text, isDefault } = placeholder(entry.value);
      const engine = text ? CACHE_TYPES[text.toLowerCase()] : undefined;
      if (engine) facts.push({ ...base, kind: "cache", engine, version: null, via: isDefault ? "default" : "setting" });
      continue;
    }
    const key = `${entry.document}:${group}`;
    const service = GROUP_ENGINES[group];
    if (seen.has(key) || !service) continue;
    seen.add(key);
    facts.push({ ...base, ...service, version: null, via: "setting" });
  }
  return facts;
}
