import { describe, expect, it } from "vitest";
import { serviceEngine } from "./service-engine";
import { input, inventory, use } from "./test-helpers";

const prodRedis = use("prod", "cache", "redis", "7", { raw: "engine_version: 7.1", via: "resource" });
const prodS3 = use("prod", "storage", "s3", null, { raw: 'resource "aws_s3_bucket" "uploads"', via: "resource" });

describe("service-engine", () => {
  it.each([
    {
      name: "in-memory cache in dev against Redis in prod",
      uses: [
        use("dev", "cache", "in-memory", null, { raw: "config.cache_store = :memory_store", via: "setting" }),
        prodRedis,
      ],
      status: "fail",
      score: 0,
      findings: [["in-memory cache in dev, Redis 7 in prod", "high", "cache:redis", ["dev", "prod"]]],
    },
    {
      name: "local disk in dev and test against S3 in prod: one medium finding",
      uses: [
        use("dev", "storage", "local-disk", null, { raw: "service: Disk" }),
        use("test", "storage", "local-disk", null, { raw: "service: Disk" }),
        prodS3,
      ],
      status: "fail",
      score: 5,
      findings: [["local disk in dev and test, S3 in prod", "medium", "storage:s3", ["dev", "test", "prod"]]],
    },
    {
      name: "local disk in staging against S3 in prod stays high",
      uses: [use("staging", "storage", "local-disk"), prodS3],
      status: "fail",
      score: 0,
      findings: [["local disk in staging, S3 in prod", "high", "storage:s3", ["staging", "prod"]]],
    },
    {
      name: "a null store and a test queue adapter in test are standard doubles, not mismatches",
      uses: [
        use("test", "cache", "in-memory", null, { raw: "config.cache_store = :null_store" }),
        use("test", "broker", "in-process", null, { raw: "config.active_job.queue_adapter = :test" }),
        use("dev", "cache", "redis", "7"),
        use("dev", "broker", "redis", "7"),
        prodRedis,
        use("prod", "broker", "redis", "7"),
      ],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "a Redis container in prod says nothing of the cache: a dev cache setting is not compared with it",
      uses: [
        use("dev", "cache", "in-memory", null, {
          raw: "config.cache_store = :memory_store",
          via: "adapter",
          file: "config/environments/development.rb",
        }),
        use("dev", "cache", "redis", null, { raw: "image: redis:latest", pinned: false }),
        use("prod", "cache", "redis", null, { raw: "image: redis:latest", pinned: false }),
      ],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "in-memory cache in dev and CI: one finding listing both",
      uses: [use("dev", "cache", "in-memory"), use("ci", "cache", "in-memory"), prodRedis],
      status: "fail",
      score: 0,
      findings: [["in-memory cache in dev and ci, Redis 7 in prod", "high", "cache:redis", ["dev", "ci", "prod"]]],
    },
    {
      name: "eager tasks in CI against RabbitMQ in prod",
      uses: [
        use("ci", "broker", "in-process", null, { raw: "CELERY_TASK_ALWAYS_EAGER=True" }),
        use("prod", "broker", "rabbitmq", "3.13"),
      ],
      status: "fail",
      score: 0,
      findings: [["in-process jobs in ci, RabbitMQ 3.13 in prod", "high", "broker:rabbitmq", ["ci", "prod"]]],
    },
    {
      name: "Memcached in dev against Redis in prod: another server, medium",
      uses: [use("dev", "cache", "memcached", "1.6"), prodRedis],
      status: "fail",
      score: 5,
      findings: [["Memcached 1.6 in dev, Redis 7 in prod", "medium", "cache:redis", ["dev", "prod"]]],
    },
    {
      name: "OpenSearch in dev against Elasticsearch in prod: a fork, medium",
      uses: [use("dev", "search", "opensearch", "2"), use("prod", "search", "elasticsearch", "8")],
      status: "fail",
      score: 5,
      findings: [["OpenSearch 2 in dev, Elasticsearch 8 in prod", "medium", "search:elasticsearch", ["dev", "prod"]]],
    },
    {
      name: "MinIO in dev emulates S3: parity",
      uses: [use("dev", "storage", "s3", null, { emulator: "minio", raw: "image: minio/minio" }), prodS3],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "SES in prod against a mail catcher in dev: info only, still passing",
      uses: [use("dev", "mail", "smtp", null, { emulator: "mailpit" }), use("prod", "mail", "ses")],
      status: "pass",
      score: 10,
      findings: [["SMTP in dev, Amazon SES in prod", "info", "mail:ses", ["dev", "prod"]]],
    },
    {
      name: "dev without a cache at all: unknown here (service-missing-in-dev reports it), never a pass",
      uses: [use("dev", "database", "postgres", "16"), prodRedis],
      status: "unknown",
      score: null,
      findings: [],
    },
    {
      name: "no prod cache: an in-memory cache in CI against Redis in dev, one step lower",
      uses: [use("dev", "cache", "redis", "7"), use("ci", "cache", "in-memory")],
      status: "fail",
      score: 5,
      findings: [
        ["in-memory cache in ci, Redis 7 in dev; prod declares no cache", "medium", "cache:redis", ["dev", "ci"]],
      ],
    },
    {
      name: "no prod facts for any kind",
      uses: [use("dev", "cache", "in-memory")],
      status: "not-applicable",
      score: null,
      findings: [],
    },
  ])("$name", ({ uses, status, score, findings }) => {
    const outcome = serviceEngine.run(input(inventory({ uses })));
    expect(outcome.status, outcome.summary).toBe(status);
    expect(outcome.score).toBe(score);
    expect(outcome.findings.map((f) => [f.message, f.severity, f.service, f.environments])).toEqual(findings);
  });

  it("adds penalties across kinds: two medium differences score 0", () => {
    const uses = [
      use("dev", "cache", "memcached"),
      prodRedis,
      use("dev", "search", "opensearch"),
      use("prod", "search", "elasticsearch", "8"),
    ];
    const outcome = serviceEngine.run(input(inventory({ uses })));
    expect(outcome).toMatchObject({ status: "fail", score: 0, summary: "2 differences" });
  });

  it("keeps the fingerprint inputs when the prod fact moves to another file", () => {
    const dev = use("dev", "cache", "in-memory");
    const a = serviceEngine.run(input(inventory({ uses: [dev, prodRedis] })));
    const b = serviceEngine.run(input(inventory({ uses: [dev, { ...prodRedis, file: "fly.toml", line: 40 }] })));
    expect(b.findings.map((f) => [f.service, f.environments])).toEqual(
      a.findings.map((f) => [f.service, f.environments]),
    );
  });
});
