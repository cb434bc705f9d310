import { describe, expect, it } from "vitest";
import {
  isEmbeddedEngine,
  normalizeVersion,
  parseImageRef,
  resolveImage,
  resolveUrlScheme,
  versionDistance,
} from "./index";

describe("resolveImage", () => {
  it.each([
    ["postgres:16-alpine", { kind: "database", engine: "postgres", version: "16", pinned: true }],
    ["docker.io/library/postgres:9.6.24", { kind: "database", engine: "postgres", version: "9.6", pinned: true }],
    ["bitnami/postgresql:15.4.0", { kind: "database", engine: "postgres", version: "15", pinned: true }],
    ["postgis/postgis:16-3.4", { kind: "database", engine: "postgres", version: "16", pinned: true }],
    ["timescale/timescaledb:2.14.2-pg16", { kind: "database", engine: "postgres", version: "16", pinned: true }],
    ["mysql:8.0.36", { kind: "database", engine: "mysql", version: "8.0", pinned: true }],
    ["mariadb:11.4", { kind: "database", engine: "mariadb", version: "11.4", pinned: true }],
    ["valkey/valkey:8.0", { kind: "cache", engine: "redis", version: "8", pinned: true }],
    ["redis:latest", { kind: "cache", engine: "redis", version: null, pinned: false }],
    ["redis", { kind: "cache", engine: "redis", version: null, pinned: false }],
    ["redis:alpine", { kind: "cache", engine: "redis", version: null, pinned: false }],
    ["redis@sha256:0123abcd", { kind: "cache", engine: "redis", version: null, pinned: true }],
    ["rabbitmq:3.13-management", { kind: "broker", engine: "rabbitmq", version: "3.13", pinned: true }],
    [
      "redpandadata/redpanda:v24.1.1",
      { kind: "broker", engine: "kafka", version: "24", pinned: true, emulator: "redpanda" },
    ],
    [
      "minio/minio:RELEASE.2024-05-01T01-11-10Z",
      { kind: "storage", engine: "s3", version: null, pinned: false, emulator: "minio" },
    ],
    [
      "localstack/localstack:3.4",
      { kind: "storage", engine: "s3", version: "3", pinned: true, emulator: "localstack" },
    ],
    [
      "softwaremill/elasticmq-native:1.5",
      { kind: "broker", engine: "sqs", version: "1", pinned: true, emulator: "elasticmq" },
    ],
    ["mcr.microsoft.com/azure-storage/azurite:3.30.0", { kind: "storage", engine: "azure-blob", emulator: "azurite" }],
    ["fsouza/fake-gcs-server:1.49", { kind: "storage", engine: "gcs", emulator: "fake-gcs-server" }],
    ["docker.elastic.co/elasticsearch/elasticsearch:8.13.0", { kind: "search", engine: "elasticsearch", version: "8" }],
    ["opensearchproject/opensearch:2.13.0", { kind: "search", engine: "opensearch", version: "2" }],
    ["node:20.11-bookworm-slim", { kind: "runtime", engine: "node", version: "20", pinned: true }],
    ["python:3.12-slim", { kind: "runtime", engine: "python", version: "3.12", pinned: true }],
    // Major-only tags of a runtime whose unit is the minor float within the major: not known.
    ["golang:1", { kind: "runtime", engine: "go", version: null, pinned: false }],
    ["golang:1-trixie", { kind: "runtime", engine: "go", version: null, pinned: false }],
    ["python:3-slim", { kind: "runtime", engine: "python", version: null, pinned: false }],
    ["golang:1.23-alpine", { kind: "runtime", engine: "go", version: "1.23", pinned: true }],
    // Variant tags that carry the Postgres major pin it.
    ["pgvector/pgvector:pg17", { kind: "database", engine: "postgres", version: "17", pinned: true }],
    ["pgvector/pgvector:0.8.0-pg18", { kind: "database", engine: "postgres", version: "18", pinned: true }],
    ["mcr.microsoft.com/vscode/devcontainers/java:0-17-bullseye", { kind: "runtime", engine: "java", version: "17" }],
    [
      "mcr.microsoft.com/devcontainers/typescript-node:1-20-bookworm",
      { kind: "runtime", engine: "node", version: "20" },
    ],
  ])("%s", (ref, expected) => {
    expect(resolveImage(ref)).toEqual(expect.objectContaining(expected));
  });

  it.each(["ghcr.io/acme/shop:2.14.0", "acme/api:latest", "busybox:1.36", ""])("%j is not a backing service", (ref) => {
    expect(resolveImage(ref)).toBeNull();
  });

  it("treats an unresolved interpolation as unpinned with unknown version", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Compose interpolation, not a JS template.
    expect(resolveImage("postgres:${PG_VERSION}")).toEqual(
      expect.objectContaining({ engine: "postgres", version: null, pinned: false }),
    );
  });
});

describe("parseImageRef", () => {
  it("splits registry, name, tag and digest like Docker", () => {
    expect(parseImageRef("localhost:5000/team/db:16@sha256:ab")).toEqual({
      registry: "localhost:5000",
      name: "team/db",
      tag: "16",
      digest: "sha256:ab",
    });
    expect(parseImageRef("library/redis")).toEqual({ registry: null, name: "redis", tag: null, digest: null });
  });
});

describe("resolveUrlScheme", () => {
  it.each([
    ["postgres://u:p@db:5432/app", "postgres"],
    ["postgresql+asyncpg://db/app", "postgres"],
    ["jdbc:postgresql://db:5432/app", "postgres"],
    ["jdbc:h2:mem:testdb", "h2"],
    ["sqlite:///tmp/dev.db", "sqlite"],
    ["mysql2://db/app", "mysql"],
    ["rediss://cache:6380", "redis"],
    ["amqps://broker", "rabbitmq"],
    ["mongodb+srv://cluster/app", "mongodb"],
  ])("%s is %s", (url, engine) => {
    expect(resolveUrlScheme(url)?.engine).toBe(engine);
  });

  it("knows nothing of http URLs", () => {
    expect(resolveUrlScheme("https://example.com")).toBeNull();
  });
});

describe("versions", () => {
  it.each([
    ["postgres", "16.2", "16"],
    ["postgres", "9.6.24", "9.6"],
    ["mysql", "8.0.36", "8.0"],
    ["node", ">=18.17 <21", "18"],
    ["python", "3.12.1", "3.12"],
    ["redis", "v7.2.4", "7"],
    ["postgres", "latest", null],
    // A runtime versioned by minor, given only its major, says no version; a server still does.
    ["python", "3.x", null],
    ["go", "1", null],
    ["mysql", "8", "8"],
  ])("%s %s normalizes to %s", (engine, raw, expected) => {
    expect(normalizeVersion(engine, raw)).toBe(expected);
  });

  it("measures distance in majors, half a step for minors", () => {
    expect(versionDistance("13", "17")).toBe(4);
    expect(versionDistance("8.0", "8.4")).toBe(0.5);
    expect(versionDistance("16", "16")).toBe(0);
    expect(versionDistance(null, "16")).toBeNull();
  });

  it("knows the embedded stand-ins", () => {
    expect(["sqlite", "h2", "in-memory", "local-disk", "in-process"].every(isEmbeddedEngine)).toBe(true);
    expect(isEmbeddedEngine("postgres")).toBe(false);
  });
});
