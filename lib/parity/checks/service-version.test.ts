import { describe, expect, it } from "vitest";
import { serviceVersion } from "./service-version";
import { filesRunningApp, input, inventory, use } from "./test-helpers";

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
      name: "two prod deployments disagree: dev matches the compose stack's 18, not the chart's 17",
      uses: [
        use("dev", "database", "postgres", "18"),
        use("prod", "database", "postgres", "17", { file: "chart/values.yaml", format: "helm" }),
        use("prod", "database", "postgres", "18", { file: "docker/compose.yml", format: "compose" }),
      ],
      apps: ["chart/values.yaml", "docker/compose.yml"],
      status: "fail",
      score: 5,
      findings: [
        [
          "PostgreSQL 18 in dev, PostgreSQL 17 in prod (chart/values.yaml; docker/compose.yml runs PostgreSQL 18)",
          "medium",
          "database:postgres",
          ["dev", "prod"],
        ],
      ],
    },
    {
      name: "another product's stack (Keycloak on PostgreSQL 13) beside the app's is no deployment of the app",
      uses: [
        use("dev", "database", "postgres", "16"),
        use("prod", "database", "postgres", "16", { file: "docker-compose.prod.yml", format: "compose" }),
        use("prod", "database", "postgres", "13", { file: "keycloak/docker-compose.yml", format: "compose" }),
      ],
      apps: ["docker-compose.prod.yml"],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "the app's stack on 16 and another product's on 13: dev on 13 still differs from the app's",
      uses: [
        use("dev", "database", "postgres", "13"),
        use("prod", "database", "postgres", "16", { file: "docker-compose.prod.yml", format: "compose" }),
        use("prod", "database", "postgres", "13", { file: "keycloak/docker-compose.yml", format: "compose" }),
      ],
      apps: ["docker-compose.prod.yml"],
      status: "fail",
      score: 0,
      findings: [
        [
          "PostgreSQL 13 in dev, PostgreSQL 16 in prod (docker-compose.prod.yml; keycloak/docker-compose.yml runs PostgreSQL 13)",
          "high",
          "database:postgres",
          ["dev", "prod"],
        ],
      ],
    },
    {
      name: "dev runs each prod deployment's version: no difference",
      uses: [
        use("dev", "database", "postgres", "17", { file: "services/a/compose.yml" }),
        use("dev", "database", "postgres", "18", { file: "services/b/compose.yml" }),
        use("prod", "database", "postgres", "17", { file: "deploy/a.yaml" }),
        use("prod", "database", "postgres", "18", { file: "deploy/b.yaml" }),
      ],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "managed databases at two versions are not two deployments (one stack, two services)",
      uses: [
        use("dev", "database", "postgres", "16"),
        use("prod", "database", "postgres", "16", { via: "resource", file: "infra/orders_rds.tf" }),
        use("prod", "database", "postgres", "14", { via: "resource", file: "infra/catalog_rds.tf" }),
      ],
      status: "pass",
      score: 10,
      findings: [],
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
      name: "prod's version is not declared (an adapter in settings): unknown, not passing",
      uses: [
        use("dev", "database", "postgres", "16"),
        use("prod", "database", "postgres", null, { via: "adapter", raw: "ENGINE: postgresql" }),
      ],
      status: "unknown",
      score: null,
      findings: [],
    },
    {
      name: "a managed prod database with no major pin while dev and CI pin one",
      uses: [
        use("dev", "database", "postgres", "16"),
        use("ci", "database", "postgres", "16"),
        use("prod", "database", "postgres", null, { via: "addon", raw: "addon heroku-postgresql" }),
      ],
      status: "fail",
      score: 7.5,
      findings: [
        [
          "prod's PostgreSQL major version is not pinned in k8s/production/deployment.yaml (whatever the provider gives); elsewhere: dev and ci 16",
          "low",
          "database:postgres",
          ["dev", "ci", "prod"],
        ],
      ],
    },
    {
      name: "a platform blueprint's database without a pin beside a prod compose stack that pins 15",
      uses: [
        use("dev", "database", "postgres", "15"),
        use("prod", "database", "postgres", "15", { file: "docker/production/compose.yml" }),
        use("prod", "database", "postgres", null, { via: "resource", raw: "databases: app-db", file: "render.yaml" }),
      ],
      status: "fail",
      score: 7.5,
      findings: [
        [
          "prod's PostgreSQL major version is not pinned in render.yaml (whatever the provider gives); elsewhere: dev and prod 15",
          "low",
          "database:postgres",
          ["dev", "prod"],
        ],
      ],
    },
    {
      name: "a managed prod resource whose version comes from a variable is not unpinned",
      uses: [
        use("dev", "database", "postgres", "16"),
        use("prod", "database", "postgres", null, { via: "resource", raw: "engine_version = var.pg_version" }),
      ],
      status: "unknown",
      score: null,
      findings: [],
    },
    {
      // unpinned-image says it: "PostgreSQL image floats in dev; ci pins PostgreSQL 17". 17 may
      // be the newest major when the image is pulled: no version difference is known.
      name: "prod silent: a floating dev image against CI's supported 17 is left to unpinned-image",
      uses: [
        use("dev", "database", "postgres", null, { pinned: false, raw: "image: postgres:latest" }),
        use("ci", "database", "postgres", "17", { pinned: true }),
      ],
      status: "not-applicable",
      score: null,
      findings: [],
    },
    {
      // 11 ended in November 2023; `latest` is at least 18 (the newest major known), 7 apart.
      name: "prod silent: CI pins an end-of-life 11 while dev floats on postgres:latest",
      uses: [
        use("dev", "database", "postgres", null, { pinned: false, raw: "image: postgres:latest" }),
        use("ci", "database", "postgres", "11", { pinned: true }),
      ],
      status: "fail",
      score: 5,
      findings: [
        [
          "PostgreSQL 11 in ci, past its end of life (November 2023); dev floats on postgres:latest, the newest major when pulled (PostgreSQL 18 or later); prod does not say which PostgreSQL version it runs",
          "medium",
          "database:postgres",
          ["dev", "ci"],
        ],
      ],
    },
    {
      name: "a major older than the lifecycle table ended before its oldest entry; 14 is still supported in June 2025",
      uses: [
        use("dev", "database", "postgres", null, { pinned: false, raw: "image: postgres:alpine" }),
        use("test", "database", "postgres", "9.4", { pinned: true, file: "spec/legacy/docker-compose.yml" }),
        use("ci", "database", "postgres", "14", { pinned: true }),
      ],
      status: "fail",
      score: 5,
      findings: [
        [
          "PostgreSQL 9.4 in test, past its end of life (before November 2021); dev floats on postgres:alpine, the newest major when pulled (PostgreSQL 18 or later); prod does not say which PostgreSQL version it runs",
          "medium",
          "database:postgres",
          ["dev", "test"],
        ],
      ],
    },
    {
      name: "a CI matrix from an end-of-life 11 up to a supported 17 tests the old major on purpose",
      uses: [
        use("dev", "database", "postgres", null, { pinned: false, raw: "image: postgres:latest" }),
        use("ci", "database", "postgres", "11", { pinned: true }),
        use("ci", "database", "postgres", "17", { pinned: true }),
      ],
      status: "not-applicable",
      score: null,
      findings: [],
    },
    {
      name: "an untagged image that is not the official one (postgis) does not follow PostgreSQL's newest major",
      uses: [
        use("dev", "database", "postgres", null, { pinned: false, raw: "image: postgis/postgis" }),
        use("ci", "database", "postgres", "11", { pinned: true }),
      ],
      status: "not-applicable",
      score: null,
      findings: [],
    },
    {
      name: "prod pins an end-of-life 12 while dev runs the untagged official image",
      uses: [
        use("dev", "database", "postgres", null, { pinned: false, raw: "image: postgres" }),
        use("prod", "database", "postgres", "12", { pinned: true }),
      ],
      status: "fail",
      score: 0,
      findings: [
        [
          "PostgreSQL 12 in prod, past its end of life (November 2024); dev floats on postgres (no tag), the newest major when pulled (PostgreSQL 18 or later)",
          "high",
          "database:postgres",
          ["dev", "prod"],
        ],
      ],
    },
    {
      name: "prod silent: two dev setups on PostgreSQL 14 and 15, one step lower than against prod",
      uses: [
        use("dev", "database", "postgres", "14", { file: "docker/postgres/Dockerfile" }),
        use("dev", "database", "postgres", "15", { file: ".devcontainer/Dockerfile.postgres" }),
      ],
      status: "fail",
      score: 7.5,
      findings: [
        [
          "PostgreSQL 14 in dev and PostgreSQL 15 in dev; prod does not say which PostgreSQL version it runs",
          "low",
          "database:postgres",
          ["dev"],
        ],
      ],
    },
    {
      name: "prod silent: Redis 5 in CI, 7 in dev is two majors, medium",
      uses: [use("dev", "cache", "redis", "7"), use("ci", "cache", "redis", "5")],
      status: "fail",
      score: 5,
      findings: [
        [
          "Redis 5 in ci and Redis 7 in dev; prod does not say which Redis version it runs",
          "medium",
          "cache:redis",
          ["dev", "ci"],
        ],
      ],
    },
    {
      name: "prod silent: a CI matrix that includes dev's version is not drift",
      uses: [use("dev", "cache", "redis", "7"), use("ci", "cache", "redis", "6"), use("ci", "cache", "redis", "7")],
      status: "not-applicable",
      score: null,
      findings: [],
    },
    {
      name: "a floating major tag (rabbitmq:3) covers prod's 3.13: not a difference",
      uses: [use("dev", "broker", "rabbitmq", "3"), use("prod", "broker", "rabbitmq", "3.13")],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "prod silent: postgres:16 and postgres:16.4 in two dev setups agree",
      uses: [use("dev", "database", "postgres", "16"), use("ci", "database", "postgres", "16.4")],
      status: "not-applicable",
      score: null,
      findings: [],
    },
    {
      name: "one difference in dev and test: one finding listing both",
      uses: [
        use("dev", "database", "postgres", "14"),
        use("test", "database", "postgres", "14"),
        use("prod", "database", "postgres", "16"),
      ],
      status: "fail",
      score: 0,
      findings: [
        ["PostgreSQL 14 in dev and test, PostgreSQL 16 in prod", "high", "database:postgres", ["dev", "test", "prod"]],
      ],
    },
    {
      name: "emulators carry their own versions and are not compared",
      uses: [use("dev", "storage", "s3", "2024", { emulator: "minio" }), use("prod", "storage", "s3", "1")],
      status: "unknown",
      score: null,
      findings: [],
    },
    {
      name: "no version anywhere but prod: unknown (unpinned-image reports the floating image)",
      uses: [use("dev", "database", "postgres"), use("prod", "database", "postgres", "16")],
      status: "unknown",
      score: null,
      findings: [],
    },
  ])("$name", ({ uses, apps, status, score, findings }) => {
    const outcome = serviceVersion.run(input(inventory({ uses, files: filesRunningApp(uses, apps ?? []) })));
    expect(outcome.status, outcome.summary).toBe(status);
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
