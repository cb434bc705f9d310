import { describe, expect, it } from "vitest";
import { serviceMissingInDev } from "./service-missing-in-dev";
import { file, input, inventory, use } from "./test-helpers";

const devPg = use("dev", "database", "postgres", "16");
const prodPg = use("prod", "database", "postgres", "16");
const prodRedis = use("prod", "cache", "redis", "7");

describe("service-missing-in-dev", () => {
  it.each([
    {
      name: "prod's Redis has no counterpart in dev",
      uses: [devPg, prodPg, prodRedis],
      status: "fail",
      score: 5,
      findings: [["Redis 7 in prod, no cache in dev", "medium", "cache:redis", ["dev", "prod"]]],
    },
    {
      name: "a missing database is high",
      uses: [use("dev", "cache", "redis", "7"), prodPg, prodRedis],
      status: "fail",
      score: 0,
      findings: [["PostgreSQL 16 in prod, no database in dev", "high", "database:postgres", ["dev", "prod"]]],
    },
    {
      name: "an emulator counts as running the service",
      uses: [devPg, prodPg, use("dev", "storage", "s3", null, { emulator: "minio" }), use("prod", "storage", "s3")],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "another engine in dev is service-engine's subject, not missing",
      uses: [devPg, prodPg, use("dev", "cache", "in-memory"), prodRedis],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "prod without backing services",
      uses: [devPg, use("prod", "runtime", "node", "20")],
      status: "not-applicable",
      score: null,
      findings: [],
    },
  ])("$name", ({ uses, status, score, findings }) => {
    const outcome = serviceMissingInDev.run(input(inventory({ uses })));
    expect(outcome.status).toBe(status);
    expect(outcome.score).toBe(score);
    expect(outcome.findings.map((f) => [f.message, f.severity, f.service, f.environments])).toEqual(findings);
  });

  it("is not applicable without any dev definition (dev-environment reports that)", () => {
    const outcome = serviceMissingInDev.run(input(inventory({ uses: [prodPg, prodRedis] })));
    expect(outcome.status).toBe("not-applicable");
    expect(outcome.findings).toEqual([]);
  });

  it("compares when dev files exist even if they declare no services", () => {
    const inv = inventory({
      uses: [prodPg],
      files: [file(".env.example", "env-file", "dev"), file("k8s/db.yaml", "kubernetes", "prod")],
    });
    const outcome = serviceMissingInDev.run(input(inv));
    expect(outcome.status).toBe("fail");
    expect(outcome.findings[0]?.evidence).toEqual([
      { environment: "prod", file: prodPg.file, line: prodPg.line, value: "image: postgres:16" },
    ]);
  });
});
