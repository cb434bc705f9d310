import type { Finding, History, Report, ServiceUse } from "../../../parity/types";

/** A realistic engine Report: SQLite in dev against PostgreSQL 16 in prod, one suppressed finding. */
export function sampleReport(overrides: Partial<Report> & { findings?: Finding[] } = {}): Report {
  return {
    schemaVersion: 1,
    engineVersion: "0.1.0",
    repository: "acme/shop",
    commit: "4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39",
    auditedAt: "2026-11-20T09:00:00.000Z",
    scores: { overall: 48, tools: 31, time: 62, personnel: 70 },
    level: "bronze",
    nextLevel: { level: "silver", needs: ["run PostgreSQL in development"] },
    checks: [{ id: "db-engine", gap: "tools", severity: "high", status: "fail", score: 2, summary: "sqlite in dev, postgres in prod" }],
    findings: [dbEngineFinding, cacheFinding, suppressedFinding],
    inventory: [use("dev", "sqlite", "3", "config/database.yml", 7), use("prod", "postgres", "16", "infra/rds.tf", 12)],
    files: [{ path: "config/database.yml", format: "rails-database", environments: ["dev", "test", "prod"] }],
    metrics: { leadTimeHours: 55.2 },
    ...overrides,
  };
}

function use(environment: ServiceUse["environment"], engine: string, version: string, file: string, line: number): ServiceUse {
  return { environment, kind: "database", engine, version, pinned: null, file, line, raw: `adapter: ${engine}`, via: "adapter", format: "rails-database" };
}

export const dbEngineFinding: Finding = {
  fingerprint: "db-engine:database:dev,prod",
  check: "db-engine",
  gap: "tools",
  severity: "high",
  title: "Different database engines",
  message: "SQLite in dev, PostgreSQL 16 in prod",
  evidence: [
    { environment: "dev", file: "config/database.yml", line: 7, value: "sqlite3" },
    { environment: "prod", file: "infra/rds.tf", line: 12, value: "postgres 16" },
  ],
  suppressed: false,
  service: "database:postgres",
  environments: ["dev", "prod"],
};

export const cacheFinding: Finding = {
  fingerprint: "service-engine:cache:dev,prod",
  check: "service-engine",
  gap: "tools",
  severity: "medium",
  title: "Different cache engines",
  message: "in-memory cache in dev, Redis 7.1 in prod",
  evidence: [{ environment: "dev", file: "config/environments/development.rb", line: 3, value: "memory_store" }],
  suppressed: false,
};

export const suppressedFinding: Finding = {
  fingerprint: "deploy-frequency:time",
  check: "deploy-frequency",
  gap: "time",
  severity: "high",
  title: "Infrequent deploys",
  message: "0.4 deploy-days a week",
  evidence: [],
  suppressed: true,
  suppressionReason: "release train agreed with the customer",
};

export function sampleHistory(): History {
  const person = (id: string) => ({ id, isBot: false });
  return {
    complete: true,
    commits: [
      { sha: "c3", parents: ["c2"], author: person("ana"), authoredAt: "2026-11-18T10:00:00Z", committedAt: "2026-11-18T12:00:00Z" },
      { sha: "c2", parents: ["c1"], author: person("bo"), authoredAt: "2026-11-16T08:00:00Z", committedAt: "2026-11-16T09:00:00Z" },
      { sha: "c1", parents: [], author: person("ana"), authoredAt: "2026-11-10T08:00:00Z", committedAt: "2026-11-10T09:00:00Z" },
    ],
    deploys: [
      { id: "deployment:2", environment: "production", sha: "c3", deployedAt: "2026-11-19T08:00:00Z", creator: person("ana"), source: "deployment", trigger: "automatic" },
      { id: "deployment:1", environment: "production", sha: "c1", deployedAt: "2026-11-11T08:00:00Z", creator: person("bo"), source: "deployment", trigger: "manual" },
    ],
  };
}
