import type { Report, ServiceUse } from "@/lib/parity/types";

function use(partial: Partial<ServiceUse> & Pick<ServiceUse, "environment" | "kind" | "engine" | "file" | "line">): ServiceUse {
  return {
    version: null,
    pinned: null,
    raw: `${partial.engine}`,
    via: "image",
    format: "compose",
    ...partial,
  };
}

/** acme/checkout: SQLite in development, PostgreSQL 14 in CI and 16 in production, Redis only in prod. */
export const checkoutReport: Report = {
  schemaVersion: 1,
  engineVersion: "0.1.0",
  repository: "acme/checkout",
  commit: "4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39",
  auditedAt: "2025-11-24T09:57:00.000Z",
  scores: { overall: 48, tools: 31, time: 62, personnel: null },
  level: "bronze",
  nextLevel: {
    level: "silver",
    needs: ["run PostgreSQL in docker-compose.yml (prod uses PostgreSQL 16)", "CI: add a postgres service"],
  },
  checks: [
    { id: "db-engine", gap: "tools", severity: "high", status: "fail", score: 0, summary: "sqlite in dev, postgres in prod" },
    { id: "runtime-version", gap: "tools", severity: "medium", status: "pass", score: 10, summary: "node 20 everywhere" },
    { id: "lead-time", gap: "time", severity: "medium", status: "fail", score: 6, summary: "median 2.3 days" },
    { id: "self-deploy", gap: "personnel", severity: "low", status: "unknown", score: null, summary: "no deploys" },
  ],
  findings: [
    {
      fingerprint: "f1a2b3c4d5e6f7a8b9c0",
      check: "db-engine",
      gap: "tools",
      severity: "high",
      title: "Same database engine everywhere",
      message: "SQLite in dev, PostgreSQL 16 in prod",
      evidence: [
        { environment: "dev", file: "config/database.yml", line: 7, value: "sqlite3" },
        { environment: "prod", file: "infra/rds.tf", line: 12, value: "postgres 16" },
      ],
      suppressed: false,
      service: "database",
      environments: ["dev", "prod"],
    },
    {
      fingerprint: "0a9b8c7d6e5f4a3b2c1d",
      check: "lead-time",
      gap: "time",
      severity: "medium",
      title: "Changes reach production quickly",
      message: "Changes take a median 2.3 days to reach production.",
      evidence: [{ environment: "prod", file: "", line: 0, value: "median lead time 2.3 days" }],
      suppressed: true,
      suppressionReason: "release train until the migration ships",
      environments: ["prod"],
    },
  ],
  inventory: [
    use({ environment: "dev", kind: "database", engine: "sqlite", file: "config/database.yml", line: 7, via: "adapter" }),
    use({ environment: "ci", kind: "database", engine: "postgres", version: "14", file: ".github/workflows/ci.yml", line: 21 }),
    use({ environment: "prod", kind: "database", engine: "postgres", version: "16", file: "infra/rds.tf", line: 12 }),
    use({ environment: "prod", kind: "cache", engine: "redis", version: "7.1", file: "infra/cache.tf", line: 4 }),
    use({ environment: "dev", kind: "runtime", engine: "node", version: "20", file: ".nvmrc", line: 1 }),
    use({ environment: "prod", kind: "runtime", engine: "node", version: "20", file: "Dockerfile", line: 1 }),
  ],
  files: [],
  metrics: {},
};
