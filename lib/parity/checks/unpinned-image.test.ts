import { describe, expect, it } from "vitest";
import { input, inventory, use } from "./test-helpers";
import { unpinnedImage } from "./unpinned-image";

const floating = (environment: "dev" | "ci" | "prod", engine = "redis", kind: "cache" | "database" = "cache") =>
  use(environment, kind, engine, null, { pinned: false, raw: `image: ${engine}:latest` });
const pinned = (
  environment: "dev" | "ci" | "prod",
  version: string,
  engine = "redis",
  kind: "cache" | "database" = "cache",
) => use(environment, kind, engine, version, { pinned: true });

describe("unpinned-image", () => {
  it.each([
    {
      name: "dev floats where CI pins",
      uses: [floating("dev"), pinned("ci", "7")],
      status: "fail",
      score: 7.5,
      findings: [["Redis image floats in dev; ci pins Redis 7", "low", "cache:redis", ["dev", "ci"]]],
    },
    {
      name: "dev floats while prod declares a managed version",
      uses: [floating("dev", "postgres", "database"), use("prod", "database", "postgres", "16", { via: "resource" })],
      status: "fail",
      score: 7.5,
      findings: [
        ["PostgreSQL image floats in dev; prod pins PostgreSQL 16", "low", "database:postgres", ["dev", "prod"]],
      ],
    },
    {
      name: "prod floats: medium",
      uses: [floating("prod")],
      status: "fail",
      score: 5,
      findings: [["Redis image floats in prod: a restart can pull a new version", "medium", "cache:redis", ["prod"]]],
    },
    {
      name: "floating in dev, CI and prod is one finding, whatever else pins",
      uses: [
        floating("dev"),
        floating("ci"),
        floating("prod"),
        use("prod", "cache", "redis", "7", { via: "resource" }),
      ],
      status: "fail",
      score: 5,
      findings: [
        [
          "Redis image floats in dev, ci and prod: a restart can pull a new version",
          "medium",
          "cache:redis",
          ["dev", "ci", "prod"],
        ],
      ],
    },
    {
      name: "floating outside prod while nothing pins a version is still drift: low",
      uses: [floating("dev"), floating("ci")],
      status: "fail",
      score: 7.5,
      findings: [
        ["Redis image floats in dev and ci; no file read pins a version", "low", "cache:redis", ["dev", "ci"]],
      ],
    },
    {
      name: "a dev-only tool: nothing pins it and the prod described runs nothing of its kind",
      uses: [floating("dev"), pinned("prod", "16", "postgres", "database")],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "a floating database is drift even where prod's database engine could not be read",
      uses: [floating("ci", "mariadb", "database"), use("prod", "cache", "redis", "7", { via: "resource" })],
      status: "fail",
      score: 7.5,
      findings: [["MariaDB image floats in ci; no file read pins a version", "low", "database:mariadb", ["ci"]]],
    },
    {
      name: "prod runs the kind with another engine: the floating one is still drift",
      uses: [floating("dev"), use("prod", "cache", "memcached", "1.6", { via: "resource" })],
      status: "fail",
      score: 7.5,
      findings: [["Redis image floats in dev; no file read pins a version", "low", "cache:redis", ["dev"]]],
    },
    {
      name: "another file of a floating environment that pins the engine is named",
      uses: [
        floating("dev", "postgres", "database"),
        floating("ci", "postgres", "database"),
        pinned("dev", "16", "postgres", "database"),
      ],
      status: "fail",
      score: 7.5,
      findings: [
        ["PostgreSQL image floats in dev and ci; dev pins PostgreSQL 16", "low", "database:postgres", ["dev", "ci"]],
      ],
    },
    {
      name: "a variant tag carrying the major (pgvector:pg17) is pinned",
      uses: [pinned("dev", "17", "postgres", "database"), pinned("prod", "17", "postgres", "database")],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "pinned everywhere",
      uses: [pinned("dev", "7"), pinned("ci", "7"), pinned("prod", "7")],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "no images at all (managed services only)",
      uses: [use("prod", "cache", "redis", "7", { via: "resource" })],
      status: "not-applicable",
      score: null,
      findings: [],
    },
  ])("$name", ({ uses, status, score, findings }) => {
    const outcome = unpinnedImage.run(input(inventory({ uses })));
    expect(outcome.status).toBe(status);
    expect(outcome.score).toBe(score);
    expect(outcome.findings.map((f) => [f.message, f.severity, f.service, f.environments])).toEqual(findings);
  });

  const base = (raw: string, pinned: boolean, file = "Dockerfile", engine = "python") =>
    use("prod", "runtime", engine, pinned ? "3.12" : null, { pinned, raw, file, format: "dockerfile" });

  it.each([
    {
      name: "the shipped image builds on a bare variant (python:slim)",
      uses: [base("FROM python:slim", false)],
      findings: [
        [
          "Python base image floats in prod (python:slim): each build takes whatever was published last",
          "low",
          "runtime:python",
          ["prod"],
        ],
      ],
    },
    {
      name: "a floating build stage, named with the prod Dockerfile that pins the runtime",
      uses: [
        base("FROM golang:alpine AS build", false, "Dockerfile.prod", "go"),
        base("FROM golang:1.21-alpine3.18 as build", true, "Dockerfile", "go"),
      ],
      findings: [
        [
          "Go base image floats in prod (golang:alpine): each build takes whatever was published last; another prod Dockerfile pins Go 3.12",
          "low",
          "runtime:go",
          ["prod"],
        ],
      ],
    },
    {
      name: "an untagged base behind a stage alias",
      uses: [base("FROM deps -> node", false, "Dockerfile", "node")],
      findings: [
        [
          "Node.js base image floats in prod (node): each build takes whatever was published last",
          "low",
          "runtime:node",
          ["prod"],
        ],
      ],
    },
    {
      name: "a major-only tag (bun:1) carries a version",
      uses: [base("FROM oven/bun:1", false, "Dockerfile", "bun")],
      findings: [],
    },
    { name: "a digest pins the image", uses: [base("FROM python@sha256:abc", false)], findings: [] },
    {
      name: "a dev Dockerfile is not the shipped image",
      uses: [{ ...base("FROM python:slim", false), environment: "dev" as const }],
      findings: [],
    },
    {
      name: "CI too sets the runtime up without a version: the project follows the newest on purpose",
      uses: [
        base("FROM golang:trixie AS build", false, "Dockerfile", "go"),
        use("ci", "runtime", "go", null, { via: "action", raw: "go-version: stable" }),
      ],
      findings: [],
    },
  ])("runtime base: $name", ({ uses, findings }) => {
    const outcome = unpinnedImage.run(input(inventory({ uses })));
    expect(outcome.findings.map((f) => [f.message, f.severity, f.service, f.environments])).toEqual(findings);
  });

  it("pinned runtime bases alone leave the check not applicable (its pass is about backing services)", () => {
    const outcome = unpinnedImage.run(input(inventory({ uses: [base("FROM python:3.12-slim", true)] })));
    expect(outcome.status).toBe("not-applicable");
  });

  it("shows the floating and the pinning uses as evidence", () => {
    const dev = floating("dev");
    const ci = pinned("ci", "7");
    const [finding] = unpinnedImage.run(input(inventory({ uses: [dev, ci] }))).findings;
    expect(finding?.evidence.map((e) => [e.environment, e.file, e.line, e.value])).toEqual([
      ["dev", "compose.yaml", dev.line, "image: redis:latest"],
      ["ci", ".github/workflows/ci.yml", ci.line, "image: redis:7"],
    ]);
  });
});

describe("unpinned-image: a major-only tag of an engine that changes at the minor", () => {
  const rabbit = (environment: "dev" | "ci" | "prod", version: string, extra = {}) =>
    use(environment, "broker", "rabbitmq", version, { pinned: true, raw: `image: rabbitmq:${version}`, ...extra });

  it.each([
    {
      name: "dev's rabbitmq:3-management floats within 3.x while prod pins 3.13",
      uses: [rabbit("dev", "3"), use("prod", "broker", "rabbitmq", "3.13", { via: "resource" })],
      findings: [
        [
          "RabbitMQ image floats within 3.x in dev (a major-only tag pulls its newest minor); prod pins RabbitMQ 3.13",
          "low",
          "broker:rabbitmq",
          ["dev", "prod"],
        ],
      ],
    },
    {
      name: "another major elsewhere is a version difference, not this",
      uses: [rabbit("dev", "4"), use("prod", "broker", "rabbitmq", "3.13", { via: "resource" })],
      findings: [],
    },
    {
      name: "nothing pins a minor: nothing to drift from",
      uses: [rabbit("dev", "3"), rabbit("prod", "3")],
      findings: [],
    },
    {
      name: "an engine whose behaviour changes at the major (postgres:16) is pinned by its major",
      uses: [
        use("dev", "database", "postgres", "16", { pinned: true }),
        use("prod", "database", "postgres", "16.4", { via: "resource" }),
      ],
      findings: [],
    },
  ])("$name", ({ uses, findings }) => {
    const outcome = unpinnedImage.run(input(inventory({ uses })));
    expect(outcome.findings.map((f) => [f.message, f.severity, f.service, f.environments])).toEqual(findings);
  });
});
