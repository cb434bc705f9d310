import { describe, expect, it } from "vitest";
import { serviceVersion } from "./service-version";
import { input, inventory, use } from "./test-helpers";

describe("service-version", () => {
  it.each([
    {
      name: "one major apart is medium",
      uses: [use("dev", "database", "postgres", "15"), use("prod", "database", "postgres", "16")],
      status: "fail",
      score: 5,
      findings: [["PostgreSQL 15 in dev, PostgreSQL 16 in prod", "medium", "database:postgres", ["dev", "prod"]]],
    },
    {
      name: "two or more majors apart is high",
      uses: [use("staging", "cache", "redis", "5"), use("prod", "cache", "redis", "7")],
      status: "fail",
      score: 0,
      findings: [["Redis 5 in staging, Redis 7 in prod", "high", "cache:redis", ["staging", "prod"]]],
    },
    {
      name: "a minor difference where minors matter is low",
      uses: [use("dev", "database", "mysql", "8.0"), use("prod", "database", "mysql", "8.4")],
      status: "fail",
      score: 7.5,
      findings: [["MySQL 8.0 in dev, MySQL 8.4 in prod", "low", "database:mysql", ["dev", "prod"]]],
    },
    {
      name: "same versions pass",
      uses: [use("dev", "cache", "redis", "7"), use("ci", "cache", "redis", "7"), use("prod", "cache", "redis", "7")],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "a CI matrix that includes prod's version passes",
      uses: [use("ci", "cache", "redis", "6"), use("ci", "cache", "redis", "7"), use("prod", "cache", "redis", "7")],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "CI's database version is left to ci-services",
      uses: [use("ci", "database", "postgres", "14"), use("prod", "database", "postgres", "16")],
      status: "not-applicable",
      score: null,
      findings: [],
    },
    {
      name: "prod does not declare its version: unknown, not passing",
      uses: [use("dev", "database", "postgres", "16"), use("prod", "database", "postgres", null, { via: "addon" })],
      status: "unknown",
      score: null,
      findings: [],
    },
    {
      name: "emulators carry their own versions and are not compared",
      uses: [use("dev", "storage", "s3", "2024", { emulator: "minio" }), use("prod", "storage", "s3", "1")],
      status: "not-applicable",
      score: null,
      findings: [],
    },
    {
      name: "no version anywhere but prod",
      uses: [use("dev", "database", "postgres"), use("prod", "database", "postgres", "16")],
      status: "not-applicable",
      score: null,
      findings: [],
    },
  ])("$name", ({ uses, status, score, findings }) => {
    const outcome = serviceVersion.run(input(inventory({ uses })));
    expect(outcome.status).toBe(status);
    expect(outcome.score).toBe(score);
    expect(outcome.findings.map((f) => [f.message, f.severity, f.service, f.environments])).toEqual(findings);
  });

  it("says which prod version is undeclared", () => {
    const uses = [use("dev", "cache", "redis", "7"), use("prod", "cache", "redis", null)];
    expect(serviceVersion.run(input(inventory({ uses }))).summary).toBe("Redis version in prod is not declared");
  });

  it("keeps the fingerprint inputs when only the versions change", () => {
    const run = (dev: string) =>
      serviceVersion
        .run(
          input(
            inventory({ uses: [use("dev", "database", "postgres", dev), use("prod", "database", "postgres", "16")] }),
          ),
        )
        .findings.map((f) => [f.service, f.environments]);
    expect(run("14")).toEqual(run("15"));
  });
});
