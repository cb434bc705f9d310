import { isAlias, isMap, type Node } from "yaml";
import { resolveUrlScheme } from "../../catalog";
import { redactText } from "../../redact";
import type { ExtractedUse, Problem } from "../../types";
import { type ErbExpression, erbOf, neutraliseErb } from "./erb";
import { environmentBlocks, type ParsedYaml, parseYaml, resolvedEntries, scalarText } from "./yaml-env";

/** Active Record adapter names to catalog engines. */
const ADAPTERS: Record<string, string> = {
  sqlite3: "sqlite",
  sqlite: "sqlite",
  postgresql: "postgres",
  postgres: "postgres",
  postgis: "postgres",
  // mysql2, mysql and trilogy are clients of MySQL and MariaDB alike: the server is not known.
  sqlserver: "sqlserver",
  oracle_enhanced: "oracle",
  cockroachdb: "cockroachdb",
};

export function adapterEngine(adapter: string): string | null {
  return ADAPTERS[adapter.trim().toLowerCase()] ?? null;
}

const CONNECTION_KEYS = ["adapter", "url", "database", "host"];

function shorten(text: string): string {
  const clean = redactText(text.replace(/\s+/g, " ").trim());
  return clean.length > 140 ? `${clean.slice(0, 137)}...` : clean;
}

function erbRaw(key: string, erb: ErbExpression): string {
  return shorten(`${key}: <%= ${erb.source} %>`);
}

interface DatabaseConfig {
  name: string;
  entries: Map<string, Node>;
}

/** One database config or, for multi-database apps (`primary:`, `queue:`...), several. */
function configsOf(name: string, entries: Map<string, Node>, parsed: ParsedYaml): DatabaseConfig[] {
  if (CONNECTION_KEYS.some((key) => entries.has(key))) return [{ name, entries }];
  const configs: DatabaseConfig[] = [];
  for (const [sub, node] of entries) {
    const target = isAlias(node) ? node.resolve(parsed.doc) : node;
    if (isMap(target)) configs.push({ name: `${name}.${sub}`, entries: resolvedEntries(target, parsed.doc) });
  }
  return configs;
}

function configUses(
  config: DatabaseConfig,
  parsed: ParsedYaml,
  expressions: Map<string, ErbExpression>,
): ExtractedUse[] {
  const uses: ExtractedUse[] = [];
  const base = { kind: "database" as const, version: null, pinned: null, name: config.name };
  const urlNode = config.entries.get("url");
  const urlText = scalarText(urlNode, parsed.doc);
  const urlErb = erbOf(urlText, expressions);
  if (urlText && !urlErb && !urlText.includes("__erb_")) {
    const scheme = resolveUrlScheme(urlText);
    // Rails merges `url:` over `adapter:`: a literal URL decides the engine.
    if (scheme)
      return [
        { ...base, engine: scheme.engine, line: parsed.lineOf(urlNode), raw: shorten(`url: ${urlText}`), via: "url" },
      ];
  }
  const adapterNode = config.entries.get("adapter");
  const adapterText = scalarText(adapterNode, parsed.doc);
  const adapterErb = erbOf(adapterText, expressions);
  const adapter = adapterErb ? adapterErb.fallback : adapterText;
  const adapterEngineId = adapter ? adapterEngine(adapter) : null;
  if (adapter && adapterEngineId) {
    uses.push({
      ...base,
      engine: adapterEngineId,
      line: parsed.lineOf(adapterNode),
      raw: adapterErb ? erbRaw("adapter", adapterErb) : shorten(`adapter: ${adapter}`),
      via: adapterErb ? "default" : "adapter",
    });
  }
  if (urlErb?.fallback) {
    const scheme = resolveUrlScheme(urlErb.fallback);
    if (scheme && scheme.engine !== adapterEngineId) {
      uses.push({
        ...base,
        engine: scheme.engine,
        line: parsed.lineOf(urlNode),
        raw: erbRaw("url", urlErb),
        via: "default",
      });
    }
  }
  return uses;
}

export interface DatabaseYamlResult {
  uses: ExtractedUse[];
  problems: Problem[];
}

/** `config/database.yml`: one database use per environment block (and per multi-db entry). */
export function extractDatabaseYaml(content: string): DatabaseYamlResult {
  const problems: Problem[] = [];
  const { text, expressions } = neutraliseErb(content);
  const parsed = parseYaml(text, problems);
  if (!parsed) return { uses: [], problems };
  const uses: ExtractedUse[] = [];
  for (const block of environmentBlocks(parsed)) {
    const entries = resolvedEntries(block.map, parsed.doc);
    for (const config of configsOf(block.name, entries, parsed)) {
      for (const use of configUses(config, parsed, expressions)) uses.push({ ...use, environment: block.environment });
    }
  }
  return { uses, problems };
}

/**
 * The database engine an environment uses, for adapters that keep jobs or cache in the database
 * (Solid Queue, Solid Cache, GoodJob). Prefers the named sub-database (`queue:`, `cache:`).
 */
export function databaseEngineFor(content: string | undefined, blockName: string, preferred: string): string | null {
  if (content === undefined) return null;
  const { uses } = extractDatabaseYaml(content);
  const inBlock = uses.filter((use) => use.name === blockName || use.name?.startsWith(`${blockName}.`));
  const pick =
    inBlock.find((use) => use.name === `${blockName}.${preferred}`) ??
    inBlock.find((use) => use.name === blockName || use.name === `${blockName}.primary`) ??
    inBlock[0];
  return pick?.engine ?? null;
}
