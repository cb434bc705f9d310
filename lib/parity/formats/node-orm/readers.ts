import { type Node, type ParseError, parseTree } from "jsonc-parser";
import type { ExtractedUse, ExtractResult, Problem } from "../../types";
import { driverEngine, nodeEnvironment, scanBlocks, shorten, type TextMatch } from "./engines";

function lineAt(content: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < content.length; i++) if (content.charCodeAt(i) === 10) line++;
  return line;
}

function use(
  engine: string,
  match: Pick<TextMatch, "line" | "raw" | "environment" | "block">,
  extra: Partial<ExtractedUse> = {},
): ExtractedUse {
  return {
    kind: "database",
    engine,
    version: null,
    pinned: null,
    line: match.line,
    raw: match.raw,
    via: "adapter",
    ...(match.environment ? { environment: match.environment } : {}),
    ...(match.block ? { name: match.block } : {}),
    ...extra,
  };
}

/** Knexfile `client:`, Sequelize JS `dialect:`, TypeORM `type:`: per-environment blocks. */
export function readBlocks(content: string, pattern: RegExp): ExtractResult {
  const uses: ExtractedUse[] = [];
  for (const match of scanBlocks(content, pattern)) {
    const engine = driverEngine(match.value);
    if (engine) uses.push(use(engine, match));
  }
  return { uses, problems: [] };
}

/** Prisma: the `datasource` block's provider holds in every environment (it is compiled in). */
export function readPrisma(content: string): ExtractResult {
  const uses: ExtractedUse[] = [];
  let inDatasource = false;
  content.split(/\r?\n/).forEach((text, index) => {
    if (/^\s*datasource\s+\w+\s*\{/.test(text)) inDatasource = true;
    else if (inDatasource && /^\s*\}/.test(text)) inDatasource = false;
    if (!inDatasource) return;
    const provider = /^\s*provider\s*=\s*"([\w-]+)"/.exec(text)?.[1];
    const engine = provider ? driverEngine(provider) : null;
    if (engine)
      uses.push(
        use(engine, { line: index + 1, raw: shorten(text), environment: null, block: null }, { via: "setting" }),
      );
  });
  return { uses, problems: [] };
}

/** Drizzle Kit: `dialect` (or the older `driver`); the `pglite` driver is Postgres in WASM. */
export function readDrizzle(content: string): ExtractResult {
  const dialects = scanBlocks(content, /\bdialect\s*:\s*["']([\w-]+)["']/);
  const drivers = scanBlocks(content, /\bdriver\s*:\s*["']([\w-]+)["']/);
  const pglite = drivers.some((d) => d.value === "pglite");
  const source = dialects.length > 0 ? dialects : drivers.filter((d) => d.value !== "pglite");
  const uses: ExtractedUse[] = [];
  for (const match of source) {
    const engine = driverEngine(match.value);
    if (engine) uses.push(use(engine, match, engine === "postgres" && pglite ? { emulator: "pglite" } : {}));
  }
  return { uses, problems: [] };
}

function parseJson(content: string): { root: Node | undefined; problems: Problem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(content, errors, { allowTrailingComma: true });
  const problems: Problem[] = errors.slice(0, 1).map((error) => ({
    type: "parse-error",
    line: lineAt(content, error.offset),
    message: "invalid JSON",
  }));
  return { root, problems };
}

/** TypeORM `ormconfig.json`: the JSON must parse; `type` is then found like in JS configs. */
export function readJsonBlocks(content: string, pattern: RegExp): ExtractResult {
  const { problems } = parseJson(content);
  if (problems.length > 0) return { uses: [], problems };
  return readBlocks(content, pattern);
}

/** Sequelize `config/config.json`: `{ "development": { "dialect": "sqlite" }, ... }`. */
export function readSequelizeJson(content: string): ExtractResult {
  const { root, problems } = parseJson(content);
  if (root?.type !== "object") return { uses: [], problems };
  const uses: ExtractedUse[] = [];
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const block = typeof keyNode?.value === "string" ? keyNode.value : null;
    if (!block || valueNode?.type !== "object") continue;
    const dialect = findProperty(valueNode, "dialect");
    const value = dialect?.children?.[1];
    const engine = typeof value?.value === "string" ? driverEngine(value.value) : null;
    if (!dialect || !engine) continue;
    const line = lineAt(content, dialect.offset);
    const raw = shorten(content.slice(dialect.offset, dialect.offset + dialect.length));
    uses.push(use(engine, { line, raw, environment: nodeEnvironment(block), block }));
  }
  return { uses, problems };
}

function findProperty(object: Node, name: string): Node | undefined {
  return object.children?.find((p) => p.children?.[0]?.value === name);
}
