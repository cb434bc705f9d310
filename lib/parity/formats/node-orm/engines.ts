import { redactText } from "../../redact";
import type { Environment, ExtractedUse } from "../../types";

/** Driver, dialect and provider names of Node ORMs (Prisma, Sequelize, Knex, Drizzle, TypeORM). */
const DRIVERS: Record<string, string> = {
  pg: "postgres",
  "pg-native": "postgres",
  postgres: "postgres",
  postgresql: "postgres",
  "aurora-postgres": "postgres",
  sqlite: "sqlite",
  sqlite3: "sqlite",
  "better-sqlite": "sqlite",
  "better-sqlite3": "sqlite",
  sqljs: "sqlite",
  libsql: "sqlite",
  turso: "sqlite",
  d1: "sqlite",
  "d1-http": "sqlite",
  mysql: "mysql",
  mysql2: "mysql",
  "aurora-mysql": "mysql",
  mariadb: "mariadb",
  mssql: "sqlserver",
  tedious: "sqlserver",
  sqlserver: "sqlserver",
  oracle: "oracle",
  oracledb: "oracle",
  cockroachdb: "cockroachdb",
  mongodb: "mongodb",
};

export function driverEngine(name: string): string | null {
  return DRIVERS[name.trim().toLowerCase()] ?? null;
}

const NODE_ENVIRONMENTS: Record<string, Environment> = {
  development: "dev",
  dev: "dev",
  local: "dev",
  test: "test",
  testing: "test",
  ci: "ci",
  staging: "staging",
  production: "prod",
  prod: "prod",
};

export function nodeEnvironment(name: string): Environment | null {
  return NODE_ENVIRONMENTS[name.toLowerCase()] ?? null;
}

export function shorten(text: string): string {
  const clean = redactText(text.trim().replace(/\s+/g, " "));
  return clean.length > 140 ? `${clean.slice(0, 137)}...` : clean;
}

export interface TextMatch {
  value: string;
  line: number;
  raw: string;
  /** Nearest enclosing object key that names an environment (`production: {`). */
  environment: Environment | null;
  block: string | null;
}

/**
 * Scans JS/TS config as text (never evaluated): finds `pattern` (first group = value) and the
 * enclosing `development: {` style block by tracking braces outside strings and comments.
 */
export function scanBlocks(content: string, pattern: RegExp): TextMatch[] {
  const matches: TextMatch[] = [];
  const stack: { key: string | null }[] = [];
  let inBlockComment = false;
  content.split(/\r?\n/).forEach((text, index) => {
    let code = text;
    if (inBlockComment) {
      const end = code.indexOf("*/");
      if (end < 0) return;
      code = code.slice(end + 2);
      inBlockComment = false;
    }
    code = code.replace(/\/\*.*?\*\//g, "").replace(/\/\/.*$/, "");
    const open = code.indexOf("/*");
    if (open >= 0) {
      code = code.slice(0, open);
      inBlockComment = true;
    }
    const found = pattern.exec(code);
    const enclosing = [...stack].reverse().find((entry) => entry.key && nodeEnvironment(entry.key));
    if (found?.[1]) {
      matches.push({
        value: found[1],
        line: index + 1,
        raw: shorten(code),
        environment: enclosing?.key ? nodeEnvironment(enclosing.key) : null,
        block: enclosing?.key ?? null,
      });
    }
    const stripped = code.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
    const key = /^\s*["']?([\w-]+)["']?\s*[:=]\s*(?:\{|[\w.]*\(\s*\{)/.exec(code)?.[1] ?? null;
    let pendingKey = key;
    for (const char of stripped) {
      if (char === "{") {
        stack.push({ key: pendingKey });
        pendingKey = null;
      } else if (char === "}") {
        stack.pop();
      }
    }
  });
  return matches;
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
