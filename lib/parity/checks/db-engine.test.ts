import { describe, expect, it } from "vitest";
import { dbEngine } from "./db-engine";
import { input, inventory, use } from "./test-helpers";

const prodPg = use("prod", "database", "postgres", "16", {
  raw: "engine_version: 16.3",
  via: "resource",
  file: "infra/rds.tf",
});

describe("db-engine", () => {
  it.each([
    {
      name: "SQLite in dev against PostgreSQL in prod",
      uses: [use("dev", "database", "sqlite", null, { raw: "adapter: sqlite3", via: "adapter" }), prodPg],
      status: "fail",
      score: 0,
      messages: ["SQLite in dev, PostgreSQL 16 in prod"],
      severities: ["high"],
    },
    {
      name: "in-memory H2 in test and SQLite in dev: one finding per environment",
      uses: [use("dev", "database", "sqlite"), use("test", "database", "h2"), prodPg],
      status: "fail",
      score: 0,
      messages: ["SQLite in dev, PostgreSQL 16 in prod", "H2 in test, PostgreSQL 16 in prod"],
      severities: ["high", "high"],
    },
    {
      name: "MariaDB in dev against MySQL in prod is a related engine (medium)",
      uses: [use("dev", "database", "mariadb", "10.11"), use("prod", "database", "mysql", "8.0")],
      status: "fail",
      score: 5,
      messages: ["MariaDB 10.11 in dev, MySQL 8.0 in prod"],
      severities: ["medium"],
    },
    {
      name: "the same engine everywhere passes, whatever the version",
      uses: [use("dev", "database", "postgres", "15"), use("test", "database", "postgres", "16"), prodPg],
      status: "pass",
      score: 10,
      messages: [],
      severities: [],
    },
    {
      name: "CI's database is left to ci-services",
      uses: [use("ci", "database", "sqlite"), prodPg],
      status: "not-applicable",
      score: null,
      messages: [],
      severities: [],
    },
    {
      name: "no prod database: nothing to compare",
      uses: [use("dev", "database", "sqlite")],
      status: "not-applicable",
      score: null,
      messages: [],
      severities: [],
    },
  ])("$name", ({ uses, status, score, messages, severities }) => {
    const outcome = dbEngine.run(input(inventory({ uses })));
    expect(outcome.status).toBe(status);
    expect(outcome.score).toBe(score);
    expect(outcome.findings.map((finding) => finding.message)).toEqual(messages);
    expect(outcome.findings.map((finding) => finding.severity)).toEqual(severities);
  });

  it("lists every use that shows the difference as evidence, with files and lines", () => {
    const dev = use("dev", "database", "sqlite", null, {
      file: "config/database.yml",
      line: 3,
      raw: "adapter: sqlite3",
    });
    const [finding] = dbEngine.run(input(inventory({ uses: [dev, prodPg] }))).findings;
    expect(finding?.evidence).toEqual([
      { environment: "dev", file: "config/database.yml", line: 3, value: "adapter: sqlite3" },
      { environment: "prod", file: "infra/rds.tf", line: prodPg.line, value: "engine_version: 16.3" },
    ]);
  });

  it("keeps the fingerprint inputs (service, environments) when files and lines move", () => {
    const before = dbEngine.run(input(inventory({ uses: [use("dev", "database", "sqlite"), prodPg] })));
    const moved = dbEngine.run(
      input(inventory({ uses: [use("dev", "database", "sqlite", null, { file: "settings.py", line: 99 }), prodPg] })),
    );
    const key = (o: typeof before) => o.findings.map((f) => [f.service, f.environments]);
    expect(key(moved)).toEqual(key(before));
    expect(key(before)).toEqual([["database:postgres", ["dev", "prod"]]]);
  });
});
