import { describe, expect, it } from "vitest";
import type { CiJob, ServiceUse, TestDouble } from "../types";
import { ciServices } from "./ci-services";
import { file, filesRunningApp, input, inventory, use } from "./test-helpers";

const prodPg = use("prod", "database", "postgres", "16");
const workflow = file(".github/workflows/test.yml", "github-actions", "ci");
const prodFile = file(prodPg.file, "kubernetes", "prod");
/** Two prod deployments of the app (each runs it) on different PostgreSQL majors. */
const twoDeployments = [
  use("ci", "database", "postgres", "16"),
  use("prod", "database", "postgres", "16", { file: "docker/compose.yml", format: "compose" }),
  use("prod", "database", "postgres", "15", { file: "chart/values.yaml", format: "helm" }),
];

describe("ci-services", () => {
  it.each([
    {
      name: "CI runs SQLite",
      uses: [use("ci", "database", "sqlite", null, { raw: "DATABASE_URL: sqlite:///test.db", via: "url" }), prodPg],
      status: "fail",
      score: 0,
      findings: [["SQLite in ci, PostgreSQL 16 in prod", "high", "database:postgres", ["ci", "prod"]]],
    },
    {
      name: "CI runs an older major",
      uses: [use("ci", "database", "postgres", "14"), prodPg],
      status: "fail",
      score: 0,
      findings: [["PostgreSQL 14 in ci, PostgreSQL 16 in prod", "high", "database:postgres", ["ci", "prod"]]],
    },
    {
      name: "CI runs prod's engine and version",
      uses: [use("ci", "database", "postgres", "16"), prodPg],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "Testcontainers in test code count as CI's database",
      uses: [use("test", "database", "postgres", "16", { file: "src/test/java/DbIT.java" }), prodPg],
      files: [workflow, prodFile],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "CI starts no database",
      uses: [prodPg],
      files: [workflow, prodFile],
      status: "fail",
      score: 5,
      findings: [
        ["CI's test jobs start no database, PostgreSQL 16 in prod", "medium", "database:postgres", ["ci", "prod"]],
      ],
    },
    {
      name: "CI on the compose stack's 16 but not the chart's 15: the chart's deployment differs",
      uses: twoDeployments,
      files: filesRunningApp(twoDeployments, ["docker/compose.yml", "chart/values.yaml"]),
      status: "fail",
      score: 5,
      findings: [
        [
          "PostgreSQL 16 in ci, PostgreSQL 15 in prod (chart/values.yaml; docker/compose.yml runs PostgreSQL 16)",
          "medium",
          "database:postgres",
          ["ci", "prod"],
        ],
      ],
    },
    {
      name: "prod version unknown",
      uses: [use("ci", "database", "postgres", "16"), use("prod", "database", "postgres", null)],
      status: "unknown",
      score: null,
      findings: [],
    },
    {
      name: "no CI definitions",
      uses: [use("dev", "database", "postgres", "16"), prodPg],
      status: "not-applicable",
      score: null,
      findings: [],
    },
    {
      name: "no prod database",
      uses: [use("ci", "database", "postgres", "16")],
      status: "not-applicable",
      score: null,
      findings: [],
    },
  ])("$name", ({ uses, files, status, score, findings }) => {
    const outcome = ciServices.run(input(inventory(files ? { uses, files } : { uses })));
    expect(outcome.status).toBe(status);
    expect(outcome.score).toBe(score);
    expect(outcome.findings.map((f) => [f.message, f.severity, f.service, f.environments])).toEqual(findings);
  });

  it("points at the CI workflow when it starts no database", () => {
    const [finding] = ciServices.run(input(inventory({ uses: [prodPg], files: [workflow, prodFile] }))).findings;
    expect(finding?.evidence[0]).toEqual({
      environment: "ci",
      file: ".github/workflows/test.yml",
      line: 1,
      value: "no database service",
    });
  });
});

/** CI jobs as the github-actions format reports them. */
function job(name: string, tests: string | null, extra: Partial<CiJob> = {}): CiJob {
  return { workflow: ".github/workflows/ci.yml", job: name, line: 5, tests, starts: [], ...extra };
}

const ciUse = (jobName: string, engine: string, version: string | null, extra: Partial<ServiceUse> = {}) =>
  use("ci", "database", engine, version, { name: `${jobName}/db`, ...extra });

describe("ci-services: per CI job", () => {
  it.each([
    {
      name: "a release job's database does not hide the test job's SQLite",
      jobs: [job("test", "pytest"), job("release", null)],
      uses: [
        ciUse("release", "postgres", "16"),
        use("ci", "database", "sqlite", null, { name: "test", via: "url", raw: "DATABASE_URL: sqlite:///t.db" }),
        prodPg,
      ],
      status: "fail",
      findings: [["SQLite in ci, PostgreSQL 16 in prod", "high"]],
    },
    {
      name: "each CI system runs the suite: Drone's test pipeline without a database beside Travis's",
      jobs: [
        job("default", "pytest", { workflow: ".travis.yml" }),
        job("default", "pytest", { workflow: ".drone.yml" }),
      ],
      uses: [ciUse("default", "postgres", "16", { file: ".travis.yml", name: "default" }), prodPg],
      status: "fail",
      findings: [["Drone's test jobs start no database while other CI systems' do, PostgreSQL 16 in prod", "medium"]],
    },
    {
      name: "workflows of one CI system complement each other: a unit-test workflow needs no database",
      jobs: [job("unit", "vitest", { workflow: ".github/workflows/unit.yml" }), job("integration", "vitest")],
      uses: [ciUse("integration", "postgres", "16"), prodPg],
      status: "pass",
      findings: [],
    },
    {
      name: "no test job anywhere: not applicable, never 'starts no database'",
      jobs: [job("lint", null), job("stale", null)],
      uses: [prodPg],
      status: "not-applicable",
      summary: "no CI job runs the tests",
      findings: [],
    },
    {
      name: "only reusable workflows of other repositories: unknown, and says so",
      jobs: [job("tests", null, { calls: "acme/workflows/.github/workflows/laravel.yml@v2" })],
      uses: [prodPg],
      status: "unknown",
      summary:
        "CI calls reusable workflows of other repositories (acme/workflows/.github/workflows/laravel.yml@v2), which cannot be read here",
      findings: [],
    },
    {
      name: "a connection URL nothing starts: unknown (the tests may mock it)",
      jobs: [job("test", "pnpm test")],
      uses: [use("ci", "database", "postgres", null, { name: "test", via: "url" }), prodPg],
      status: "unknown",
      summary: "CI's test jobs set PostgreSQL connection URLs but start no database: the tests may mock it",
      findings: [],
    },
    {
      name: "the test job starts no database",
      jobs: [job("test", "go test"), job("lint", null)],
      uses: [prodPg],
      status: "fail",
      findings: [["CI's test jobs start no database, PostgreSQL 16 in prod", "medium"]],
    },
    {
      name: "another CI system's job owns the services its file names for it (Travis services:)",
      jobs: [job("tests", "pytest", { workflow: ".travis.yml" })],
      uses: [
        use("ci", "database", "postgres", "16", {
          file: ".travis.yml",
          format: "travis",
          name: "tests",
          via: "setting",
        }),
        prodPg,
      ],
      status: "pass",
      findings: [],
    },
    {
      name: "prod's database is embedded: not applicable",
      jobs: [job("test", "rails test")],
      uses: [use("prod", "database", "sqlite", null)],
      status: "not-applicable",
      summary: "prod's database is embedded (SQLite): CI needs no database service",
      findings: [],
    },
    {
      name: "a compose file the test job starts counts",
      jobs: [job("e2e", "playwright test", { starts: ["docker/compose.yml"] })],
      uses: [use("ci", "database", "postgres", "15", { file: "docker/compose.yml", format: "compose" }), prodPg],
      status: "fail",
      findings: [["PostgreSQL 15 in ci, PostgreSQL 16 in prod", "medium"]],
    },
    {
      name: "containers the test code starts count when a test job runs",
      jobs: [job("build", "mvn verify")],
      uses: [
        use("test", "database", "postgres", "16", { file: "src/test/java/DbIT.java", format: "testcontainers" }),
        prodPg,
      ],
      status: "pass",
      findings: [],
    },
    {
      name: "a matrix over engines that includes prod's is parity",
      jobs: [job("test", "manage.py test")],
      uses: [ciUse("test", "mysql", null, { via: "setting" }), ciUse("test", "postgres", "16"), prodPg],
      status: "pass",
      findings: [],
    },
    {
      name: "prod known only by a MySQL client: CI's MariaDB is not another engine",
      jobs: [job("test", "rspec", { starts: ["docker-compose.yml"] })],
      uses: [
        use("ci", "database", "mariadb", null, { file: "docker-compose.yml", format: "compose" }),
        use("prod", "database", "mysql", null, { via: "adapter", file: "config/database.yml" }),
      ],
      status: "pass",
      findings: [],
    },
  ])("$name", ({ jobs, uses, status, summary, findings }) => {
    const outcome = ciServices.run(input({ ...inventory({ uses }), ciJobs: jobs }));
    expect(outcome.status).toBe(status);
    if (summary) expect(outcome.summary).toBe(summary);
    expect(outcome.findings.map((f) => [f.message, f.severity])).toEqual(findings);
  });

  it.each([
    {
      name: "no job runs the tests while the repository has tests: medium, every job cited",
      paths: [".github/workflows/ci.yml", "store_test.go", "cmd/app/main.go"],
      status: "fail",
      summary:
        "no CI job runs the tests (1 test file in the repository), so nothing tests against PostgreSQL 16, prod's database",
    },
    {
      name: "a CI system the engine does not read may run them: unknown",
      paths: [".github/workflows/ci.yml", ".gitlab-ci.yml", "store_test.go"],
      status: "unknown",
      summary: "no CI job read here runs the tests; .gitlab-ci.yml (not read) may",
    },
    {
      name: "a workflow that gave no job (unparsable) may run them: unknown",
      paths: [".github/workflows/ci.yml", ".github/workflows/test.yml", "store_test.go"],
      status: "unknown",
      summary: "no CI job read here runs the tests; .github/workflows/test.yml could not be read",
    },
    {
      name: "vendored and example tests are not the repository's",
      paths: [".github/workflows/ci.yml", "vendor/x/store_test.go", "examples/a/app.test.ts"],
      status: "not-applicable",
      summary: "no CI job runs the tests",
    },
  ])("$name", ({ paths, status, summary }) => {
    const jobs = [job("build", null), job("lint", null)];
    const outcome = ciServices.run(input({ ...inventory({ uses: [prodPg], paths }), ciJobs: jobs }));
    expect(outcome.status).toBe(status);
    expect(outcome.summary).toBe(summary);
    if (status === "fail") {
      expect(outcome.findings[0]?.severity).toBe("medium");
      expect(outcome.findings[0]?.evidence.map((e) => e.value)).toEqual([
        "build: runs no test command",
        "lint: runs no test command",
        "image: postgres:16",
      ]);
    }
  });

  it("cites the test jobs and the compose files they start when they start no database", () => {
    const jobs = [job("test", "pytest", { starts: ["docker/compose.ci-test.yml"] }), job("lint", null)];
    const [finding] = ciServices.run(input({ ...inventory({ uses: [prodPg] }), ciJobs: jobs })).findings;
    expect(finding?.evidence.slice(0, 2)).toEqual([
      { environment: "ci", file: ".github/workflows/ci.yml", line: 5, value: "test: pytest, no database" },
      {
        environment: "ci",
        file: "docker/compose.ci-test.yml",
        line: 1,
        value: "started by a test job: no database service",
      },
    ]);
  });
});

/** A test double as the test-doubles format reports it. */
function double(kind: TestDouble["kind"], engine: string | null, library: string, file: string, line = 12) {
  return { kind, engine, library, file, line, raw: `${library} wired in` };
}

describe("ci-services: tests that replace a service's client with a double", () => {
  const prismaDouble = double("database", null, "jest-mock-extended", "src/users/users.service.spec.ts");
  const redisDouble = double("cache", "redis", "ioredis-mock", "server/test/setup.ts", 37);
  const prodRedis = use("prod", "cache", "redis", null, { via: "addon", file: "app.json", format: "heroku" });
  it.each([
    {
      name: "a deep Prisma mock and a test job that only sets a URL: high, not unknown",
      jobs: [job("test", "pnpm test")],
      uses: [use("ci", "database", "postgres", null, { name: "test", via: "url" }), prodPg],
      doubles: [prismaDouble],
      status: "fail",
      findings: [
        [
          "CI's test jobs start no database and the tests replace its client with jest-mock-extended in src/users/users.service.spec.ts; PostgreSQL 16 in prod",
          "high",
          "database:postgres",
        ],
      ],
    },
    {
      name: "a Prisma mock in unit tests while a test job starts PostgreSQL: nothing",
      jobs: [job("unit", "jest"), job("integration", "jest --config e2e.json")],
      uses: [ciUse("integration", "postgres", "16"), prodPg],
      doubles: [prismaDouble],
      status: "pass",
      findings: [],
    },
    {
      name: "a double of an engine prod does not run says nothing",
      jobs: [job("test", "pytest")],
      uses: [use("ci", "database", "postgres", null, { name: "test", via: "url" }), prodPg],
      doubles: [double("database", "mongodb", "mongomock", "tests/conftest.py")],
      status: "unknown",
      findings: [],
    },
    {
      name: "ioredis-mock wired in and no test job starts Redis: a cache finding beside the database's",
      jobs: [job("test-server", "vitest")],
      uses: [ciUse("test-server", "postgres", "16"), prodPg, prodRedis],
      doubles: [redisDouble],
      status: "fail",
      findings: [
        [
          "CI's test jobs start no Redis and the tests replace its client with ioredis-mock in server/test/setup.ts; Redis in prod",
          "medium",
          "cache:redis",
        ],
      ],
    },
    {
      name: "ioredis-mock in unit tests while a test job starts Redis: nothing",
      jobs: [job("unit", "vitest"), job("e2e", "playwright test")],
      uses: [
        ciUse("e2e", "postgres", "16"),
        use("ci", "cache", "redis", "7", { name: "e2e/redis" }),
        prodPg,
        prodRedis,
      ],
      doubles: [redisDouble],
      status: "pass",
      findings: [],
    },
    {
      name: "ioredis-mock but no test job in CI: nothing said about Redis",
      jobs: [job("lint", null)],
      uses: [prodPg, prodRedis],
      doubles: [redisDouble],
      status: "not-applicable",
      findings: [],
    },
  ])("$name", ({ jobs, uses, doubles, status, findings }) => {
    const outcome = ciServices.run(input({ ...inventory({ uses }), ciJobs: jobs, testDoubles: doubles }));
    expect(outcome.status).toBe(status);
    expect(outcome.findings.map((f) => [f.message, f.severity, f.service])).toEqual(findings);
  });

  it("cites the test jobs, the doubles and prod", () => {
    const [finding] = ciServices.run(
      input({
        ...inventory({ uses: [ciUse("test-server", "postgres", "16"), prodPg, prodRedis] }),
        ciJobs: [job("test-server", "vitest")],
        testDoubles: [redisDouble],
      }),
    ).findings;
    expect(finding?.evidence.map((e) => [e.environment, e.file, e.line])).toEqual([
      ["ci", ".github/workflows/ci.yml", 5],
      ["test", "server/test/setup.ts", 37],
      ["prod", "app.json", prodRedis.line],
    ]);
  });
});
