import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExtractResult, Format } from "../../types";
import { renderFormat } from "./index";

/** Through the contract's signature, as the engine calls it. */
const format: Format = renderFormat;
const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const ctx = { paths: [], readFile: () => undefined };
const run = (path: string, name: string): ExtractResult => format.extract({ path, content: fixture(name) }, ctx);
const facts = (result: ExtractResult) =>
  result.uses.map((u) => [u.kind, u.engine, u.version, u.line, u.environment ?? result.environment, u.name]);

describe("render format", () => {
  it("claims render.yaml", () => {
    expect(format.patterns).toEqual(["**/render.yaml", "**/render.yml"]);
  });

  it("reads services, key-value stores, images, disks and Render Postgres 15", () => {
    const result = run("render.yaml", "render.yaml");
    expect(result.problems).toEqual([]);
    expect(facts(result)).toEqual([
      ["database", "postgres", "15", 80, "prod", "shop-db"],
      ["runtime", "node", "20", 17, "prod", "shop-api"],
      ["storage", "local-disk", null, 32, "prod", "shop-api"],
      ["runtime", "python", "3.12", 44, "prod", "shop-jobs"],
      ["broker", "rabbitmq", null, 46, "prod", "CELERY_BROKER_URL"],
      ["search", "elasticsearch", "8", 52, "prod", "shop-search"],
      ["cache", "redis", null, 58, "prod", "shop-cache"],
      ["database", "postgres", null, 71, "prod", "analytics-warehouse"],
    ]);
  });

  it("does not count links to resources the file defines twice, nor Celery as a broker", () => {
    const result = run("render.yaml", "render.yaml");
    expect(result.uses.filter((u) => u.engine === "postgres" && u.name === "shop-db")).toHaveLength(1);
    expect(result.uses.filter((u) => u.engine === "redis")).toHaveLength(1);
  });

  it("reads env var keys, redacts literal credentials and follows dockerfilePath", () => {
    const result = run("render.yaml", "render.yaml");
    expect(result.envKeys?.map((k) => k.key)).toEqual([
      "NODE_VERSION",
      "DATABASE_URL",
      "REDIS_URL",
      "SESSION_SECRET",
      "STRIPE_SECRET_KEY",
      "PYTHON_VERSION",
      "CELERY_BROKER_URL",
      "ANALYTICS_DB_URL",
      "S3_BUCKET",
    ]);
    expect(result.literals).toEqual([
      { key: "CELERY_BROKER_URL", line: 46, value: "amqps://shop:***@rabbit.cloudamqp.com/shop" },
    ]);
    expect(JSON.stringify(result)).not.toContain("s3cr3t");
    expect(result.references).toEqual([{ path: "ops/Dockerfile.cron", environment: "prod", line: 67 }]);
  });

  it("places project environments: production and staging", () => {
    const result = run("render.yaml", "render-projects.yaml");
    expect(facts(result)).toEqual([
      ["database", "postgres", "16", 19, "prod", "acme-db"],
      ["runtime", "ruby", "3.3", 12, "prod", "api"],
      ["runtime", "ruby", null, 15, "prod", "jobs"],
      ["broker", "redis", null, 16, "prod", "jobs"],
      ["database", "postgres", "15", 26, "staging", "acme-staging-db"],
      ["cache", "redis", null, 22, "staging", "acme-staging-cache"],
    ]);
  });

  it("classifies a blueprint under a staging path as staging", () => {
    expect(run("deploy/staging/render.yaml", "render.yaml").environment).toBe("staging");
  });

  it("reports YAML errors with their line and never throws", () => {
    const result = run("render.yaml", "broken.yaml");
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]?.type).toBe("parse-error");
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(3);
  });
});
