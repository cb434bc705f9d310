/// <reference types="vite/client" />
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures spell Compose and Dockerfile `${VAR}` syntax literally
import { describe, expect, it } from "vitest";
import { connectionOf, fallbackLiteral } from "./connection";
import { extractEnvFile } from "./extract";
import { parseEnv } from "./parse";

const FILES = import.meta.glob<string>("./__fixtures__/.*", { query: "?raw", import: "default", eager: true });

function extract(name: string) {
  const content = FILES[`./__fixtures__/${name}`];
  if (content === undefined) throw new Error(`missing fixture ${name}`);
  return extractEnvFile({ path: `app/${name}`, content });
}

describe("env-file: .env.example", () => {
  const result = extract(".env.example");

  it("documents every key with its line, multi-line values included", () => {
    expect(result.envKeys?.map((key) => [key.key, key.line, key.role])).toEqual([
      ["NODE_ENV", 2, "documents"],
      ["DATABASE_URL", 3, "documents"],
      ["REDIS_URL", 4, "documents"],
      ["AMQP_URL", 5, "documents"],
      ["S3_ENDPOINT", 6, "documents"],
      ["S3_BUCKET", 7, "documents"],
      ["STRIPE_SECRET_KEY", 10, "documents"],
      ["SESSION_SECRET", 11, "documents"],
      ["PRIVATE_KEY", 12, "documents"],
      ["MAIL_URL", 15, "documents"],
    ]);
  });

  it("turns connection URLs into uses, credentials redacted", () => {
    expect(result.uses.map(({ kind, engine, line, raw }) => ({ kind, engine, line, raw }))).toEqual([
      { kind: "database", engine: "sqlite", line: 3, raw: "DATABASE_URL=sqlite:///dev.db" },
      { kind: "cache", engine: "redis", line: 4, raw: "REDIS_URL=redis://localhost:6379/0" },
      { kind: "broker", engine: "rabbitmq", line: 5, raw: "AMQP_URL=amqp://guest:***@localhost:5672/%2f" },
      { kind: "storage", engine: "s3", line: 6, raw: "S3_ENDPOINT=http://localhost:9000" },
      { kind: "mail", engine: "smtp", line: 15, raw: "MAIL_URL=smtp://mailpit:1025" },
    ]);
    expect(result.uses.every((use) => use.via === "url" && use.version === null && use.pinned === null)).toBe(true);
  });

  it("reports no literals outside production files", () => {
    expect(result.literals).toEqual([]);
  });
});

describe("env-file: .env.production (CRLF)", () => {
  const result = extract(".env.production");

  it("reports secrets and credentialed URLs as redacted literals, skipping placeholders", () => {
    expect(result.literals).toEqual([
      { key: "DATABASE_URL", line: 2, value: "postgres://shop:***@db.internal:5432/shop", environment: "prod" },
      { key: "SECRET_KEY_BASE", line: 4, value: "***", environment: "prod" },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/s3cr3t-pw|4f9c2d8e7a1b6c3d/);
  });

  it("reads engines from URLs but not from variable references", () => {
    expect(result.uses.map((use) => [use.engine, use.line])).toEqual([
      ["postgres", 2],
      ["elasticsearch", 6],
    ]);
  });
});

describe("env-file: other files", () => {
  it("reads only the keys of a committed bare .env", () => {
    const result = extract(".env");
    expect(result.uses).toEqual([]);
    expect(result.literals).toEqual([]);
    expect(result.envKeys?.map((key) => key.key)).toEqual(["DATABASE_URL", "STRIPE_SECRET_KEY"]);
    expect(JSON.stringify(result)).not.toMatch(/realpassword|sk_live/);
  });

  it("reads test settings", () => {
    expect(extract(".env.test").uses.map((use) => [use.engine, use.line])).toEqual([
      ["postgres", 1],
      ["memcached", 2],
    ]);
  });
});

describe("parseEnv", () => {
  it.each([
    ["KEY=value", "value"],
    ["export KEY=value", "value"],
    ["KEY = value # note", "value"],
    ["KEY=a#b", "a#b"],
    ['KEY="quoted # kept"', "quoted # kept"],
    ["KEY='single $X'", "single $X"],
    ['KEY="a\\nb"', "a\nb"],
    ["KEY=", ""],
    ["KEY: yaml-ish", "yaml-ish"],
  ])("%s", (line, value) => {
    expect(parseEnv(line)).toEqual([expect.objectContaining({ key: "KEY", value, line: 1 })]);
  });

  it("skips comments, blanks and junk", () => {
    expect(parseEnv("# c\n\n  \nnot an entry\n=x\n")).toEqual([]);
  });
});

describe("connectionOf", () => {
  it.each([
    ["DATABASE_URL", "postgresql+asyncpg://u:p@h/db", "postgres"],
    ["DB", "file:./dev.db", "sqlite"],
    ["UPLOAD_DIR", "file:./uploads", null],
    ["MINIO_ENDPOINT", "http://minio:9000", "s3"],
    ["OPENSEARCH_URL", "https://search:9200", "opensearch"],
    ["HOMEPAGE", "https://example.com", null],
    ["DATABASE_URL", "${DATABASE_URL}", null],
  ])("%s=%s -> %s", (key, value, engine) => {
    expect(connectionOf(key, value)?.engine ?? null).toBe(engine);
  });

  it("names the emulator a host points at", () => {
    expect(connectionOf("AWS_ENDPOINT_URL_S3", "http://localstack:4566")?.emulator).toBe("localstack");
  });
});

describe("fallbackLiteral", () => {
  it.each([
    ["SECRET_KEY_BASE", "${SECRET_KEY_BASE:-9f2c41d07be3a5}", "*** (fallback of ${SECRET_KEY_BASE})"],
    ["DB_PASSWORD", "${DB_PASSWORD-hunter2}", "*** (fallback of ${DB_PASSWORD})"],
    ["JWT_SECRET", "${JWT_SECRET:-changeme}", "changeme (fallback of ${JWT_SECRET})"],
    [
      "DATABASE_URL",
      "${DATABASE_URL:-postgres://app:hunter2@db/app}",
      "postgres://app:***@db/app (fallback of ${DATABASE_URL})",
    ],
    ["SECRET_KEY_BASE", "${SECRET_KEY_BASE:-}", null],
    ["SECRET_KEY_BASE", "${SECRET_KEY_BASE}", null],
    ["API_TOKEN", "${API_TOKEN:-${OTHER_TOKEN}}", null],
    ["SIGNING_KEY_PATH", "${SIGNING_KEY_PATH:-/opt/app/cert.p12}", null],
    ["LOG_LEVEL", "${LOG_LEVEL:-debug}", null],
    ["SECRET_KEY_BASE", "prefix-${SECRET_KEY_BASE:-abc}", null],
  ])("%s: %s -> %s", (key, value, shown) => {
    expect(fallbackLiteral(key, value)).toBe(shown);
  });

  it("reports a prod env file's committed fallback as a literal", () => {
    const result = extractEnvFile({ path: ".env.production", content: "SESSION_SECRET=${SESSION_SECRET:-4be1c09a}\n" });
    expect(result.literals).toEqual([
      { key: "SESSION_SECRET", line: 1, value: "*** (fallback of ${SESSION_SECRET})", environment: "prod" },
    ]);
    expect(JSON.stringify(result)).not.toContain("4be1c09a");
  });
});
