import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExtractResult, Format } from "../../types";
import { serverlessFormat } from "./index";

/** Through the contract's signature, as the engine calls it. */
const format: Format = serverlessFormat;
const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const ctx = { paths: [], readFile: () => undefined };
const run = (path: string, name: string): ExtractResult => format.extract({ path, content: fixture(name) }, ctx);
const facts = (result: ExtractResult) =>
  result.uses.map((u) => [u.name, u.kind, u.engine, u.version, u.line, u.environment ?? result.environment]);

describe("serverless format", () => {
  it("reads runtimes, env URLs, events and CloudFormation resources, resolving self: references", () => {
    const result = run("serverless.yml", "serverless.yml");
    expect(result.problems).toEqual([]);
    expect(facts(result)).toEqual([
      ["provider", "runtime", "node", "20", 10, "prod"],
      ["CACHE_URL", "cache", "redis", null, 17, "prod"],
      ["thumbnails", "runtime", "python", "3.12", 27, "prod"],
      ["thumbnails", "storage", "s3", null, 30, "prod"],
      ["OrdersQueue", "broker", "sqs", null, 42, "prod"],
      ["OrdersDb", "database", "postgres", "16", 50, "prod"],
      ["OrdersCache", "cache", "redis", "7", 59, "prod"],
      ["ArchiveBucket", "storage", "s3", null, 61, "prod"],
      ["Idempotency", "database", "dynamodb", null, 63, "prod"],
    ]);
  });

  it("never treats env:, ssm: or !Ref variables as literals, and redacts secrets", () => {
    const result = run("serverless.yml", "serverless.yml");
    expect(result.envKeys?.map((k) => k.key)).toEqual([
      "TABLE_NAME",
      "DATABASE_URL",
      "QUEUE_URL",
      "CACHE_URL",
      "API_KEY",
      "REPORTS_BUCKET",
    ]);
    expect(result.literals).toEqual([
      { key: "CACHE_URL", line: 17, value: "redis://orders-cache.abc123.euw1.cache.amazonaws.com:6379" },
      { key: "API_KEY", line: 18, value: "***" },
    ]);
    expect(JSON.stringify(result)).not.toContain("sk_live");
  });

  it("reads a resources list, a literal staging stage and OpenSearch versions", () => {
    const result = run("serverless.yml", "serverless-staging.yml");
    expect(facts(result)).toEqual([
      ["provider", "runtime", "python", "3.11", 4, "staging"],
      ["Search", "search", "opensearch", "2", 11, "staging"],
    ]);
  });

  it("reports YAML errors with a line and never throws", () => {
    const result = run("serverless.yml", "broken.yml");
    expect(result.problems[0]?.type).toBe("parse-error");
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(4);
  });
});
