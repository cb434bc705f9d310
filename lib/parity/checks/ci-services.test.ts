import { describe, expect, it } from "vitest";
import { ciServices } from "./ci-services";
import { file, input, inventory, use } from "./test-helpers";

const prodPg = use("prod", "database", "postgres", "16");
const workflow = file(".github/workflows/test.yml", "github-actions", "ci");
const prodFile = file(prodPg.file, "kubernetes", "prod");

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
      findings: [["CI starts no database, PostgreSQL 16 in prod", "medium", "database:postgres", ["ci", "prod"]]],
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
