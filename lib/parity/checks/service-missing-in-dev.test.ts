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
      name: "a dev stack without a database: dev's database is not known (db-engine's subject), no finding",
      uses: [use("dev", "cache", "redis", "7"), prodPg, prodRedis],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "prod's embedded storage needs no server in dev",
      uses: [devPg, use("prod", "storage", "local-disk")],
      status: "not-applicable",
      score: null,
      findings: [],
    },
    {
      name: "CI's own infrastructure (a Terraform state bucket under .github/) is not the app's storage",
      uses: [devPg, use("prod", "storage", "gcs", null, { file: ".github/terraform/main.tf", format: "terraform" })],
      status: "not-applicable",
      score: null,
      findings: [],
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

  it("says nothing when dev's services are not read from a stack (settings, a Makefile)", () => {
    const inv = inventory({
      uses: [use("dev", "database", "postgres", null, { via: "url", file: "config.py", format: "flask" }), prodRedis],
      files: [file(".env.example", "env-file", "dev"), file("k8s/db.yaml", "kubernetes", "prod")],
    });
    const outcome = serviceMissingInDev.run(input(inv));
    expect(outcome.status).toBe("not-applicable");
    expect(outcome.findings).toEqual([]);
  });

  it("cites prod's service as evidence", () => {
    const outcome = serviceMissingInDev.run(input(inventory({ uses: [devPg, prodRedis] })));
    expect(outcome.findings[0]?.evidence).toEqual([
      { environment: "prod", file: prodRedis.file, line: prodRedis.line, value: "image: redis:7" },
    ]);
  });
});
