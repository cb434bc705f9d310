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
      name: "in-memory H2 in test and SQLite in dev: one finding per foreign engine",
      uses: [use("dev", "database", "sqlite"), use("test", "database", "h2"), prodPg],
      status: "fail",
      score: 0,
      messages: ["SQLite in dev, PostgreSQL 16 in prod", "H2 in test, PostgreSQL 16 in prod"],
      severities: ["high", "high"],
    },
    {
      name: "SQLite in dev and test from one settings line: one finding for both environments",
      uses: [
        use("dev", "database", "sqlite", null, { file: "settings.py", line: 40, raw: "sqlite3" }),
        use("test", "database", "sqlite", null, { file: "settings.py", line: 40, raw: "sqlite3" }),
        prodPg,
      ],
      status: "fail",
      score: 0,
      messages: ["SQLite in dev and test, PostgreSQL 16 in prod"],
      severities: ["high"],
    },
    {
      name: "a dev compose offering MySQL and PostgreSQL (prod's) is not in mismatch",
      uses: [use("dev", "database", "mysql", "9.6"), use("dev", "database", "postgres", "16"), prodPg],
      status: "pass",
      score: 10,
      messages: [],
      severities: [],
    },
    {
      name: "in a monorepo, one service's compose on prod's engine does not excuse another's",
      uses: [
        use("dev", "database", "mariadb", "10.9", { file: "src/catalog/docker-compose.yml" }),
        use("dev", "database", "postgres", "16", { file: "src/orders/docker-compose.yml" }),
        use("prod", "database", "mysql", "8.0"),
        use("prod", "database", "postgres", "16"),
      ],
      status: "fail",
      score: 5,
      messages: ["MariaDB 10.9 in dev, MySQL 8.0 and PostgreSQL 16 in prod"],
      severities: ["medium"],
    },
    {
      name: "a CI matrix over PostgreSQL, MySQL and SQLite covers prod's MySQL (test suites likewise)",
      uses: [
        use("dev", "database", "mysql", "8.0"),
        use("test", "database", "sqlite", null, { file: "phpunit.xml" }),
        use("test", "database", "mysql", "8.0", { file: "tests/mysql.xml" }),
        use("prod", "database", "mysql", "8.0"),
      ],
      status: "pass",
      score: 10,
      messages: [],
      severities: [],
    },
    {
      name: "several candidates, none prod's: the closest one is compared (MariaDB, not SQLite)",
      uses: [
        use("dev", "database", "sqlite"),
        use("dev", "database", "mariadb", "11.4"),
        use("prod", "database", "mysql", "8.0"),
      ],
      status: "fail",
      score: 5,
      messages: ["MariaDB 11.4 in dev, MySQL 8.0 in prod"],
      severities: ["medium"],
    },
    {
      name: "prod's database with no counterpart read anywhere is unknown, not passing",
      uses: [use("dev", "cache", "redis", "7"), prodPg],
      status: "unknown",
      score: null,
      messages: [],
      severities: [],
    },
    {
      name: "no prod database, and CI tests SQLite, MariaDB and PostgreSQL: a portable app, no finding",
      uses: [
        use("dev", "database", "mysql"),
        use("test", "database", "sqlite"),
        use("ci", "database", "mariadb", "11.7"),
        use("ci", "database", "postgres", "15"),
        use("ci", "database", "sqlite"),
      ],
      status: "unknown",
      score: null,
      messages: [],
      severities: [],
    },
    {
      name: "no prod database: dev against CI and test, one step lower",
      uses: [
        use("dev", "database", "postgres", "16"),
        use("ci", "database", "sqlite"),
        use("test", "database", "sqlite"),
      ],
      status: "fail",
      score: 5,
      messages: ["SQLite in test and ci, PostgreSQL 16 in dev; prod declares no database"],
      severities: ["medium"],
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
      name: "CI's database is left to ci-services (and dev's is unread: unknown)",
      uses: [use("ci", "database", "sqlite"), prodPg],
      status: "unknown",
      score: null,
      messages: [],
      severities: [],
    },
    {
      name: "a database in dev while prod declares none: unknown (prod's is configured elsewhere)",
      uses: [use("dev", "database", "sqlite"), use("prod", "runtime", "python", "3.12")],
      status: "unknown",
      score: null,
      messages: [],
      severities: [],
    },
    {
      name: "only a framework default in dev and no prod database: nothing to compare",
      uses: [use("dev", "database", "sqlite", null, { via: "default" }), use("prod", "runtime", "python", "3.12")],
      status: "not-applicable",
      score: null,
      messages: [],
      severities: [],
    },
  ])("$name", ({ uses, status, score, messages, severities }) => {
    const outcome = dbEngine.run(input(inventory({ uses })));
    expect(outcome.status, outcome.summary).toBe(status);
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

  it("says what could not be read when prod's database has no counterpart", () => {
    const outcome = dbEngine.run(input(inventory({ uses: [prodPg] })));
    expect(outcome.summary).toBe("PostgreSQL 16 in prod; no database could be read in dev, test and staging");
  });

  it("says which engines run elsewhere when prod's database could not be read", () => {
    const uses = [use("dev", "database", "postgres", null, { pinned: false }), use("ci", "database", "postgres", "11")];
    expect(dbEngine.run(input(inventory({ uses }))).summary).toBe(
      "PostgreSQL in dev and ci; no production database could be read",
    );
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
