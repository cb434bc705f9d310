import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveImage, versionDistance } from "../../catalog";
import type { ExtractContext, ExtractResult } from "../../types";
import { terraformEnvironment } from "./extract";
import { terraformFormat } from "./index";

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");

/** A snapshot of the fixtures folder under `infra/`. */
const FILES = new Map<string, string>(
  ["aurora/main.tf", "prod/main.tf", "prod/variables.tf", "prod/terraform.tfvars", "staging/main.tf", "broken.tf"].map(
    (name) => [`infra/${name}`, fixture(name)] as const,
  ),
);
const ctx: ExtractContext = { paths: [...FILES.keys()], readFile: (path) => FILES.get(path) };
const run = (path: string): ExtractResult => terraformFormat.extract({ path, content: FILES.get(path) ?? "" }, ctx);
const facts = (result: ExtractResult) =>
  result.uses.map((u) => [u.name, u.kind, u.engine, u.version, u.line, u.environment ?? result.environment]);

describe("terraform format", () => {
  it("reads Aurora PostgreSQL 15 and skips cluster instances (same database)", () => {
    const result = run("infra/aurora/main.tf");
    expect(result.problems).toEqual([]);
    expect(facts(result)).toEqual([["aws_rds_cluster.shop", "database", "postgres", "15", 6, "prod"]]);
    expect(result.uses[0]).toMatchObject({ raw: 'engine_version          = "15.4"', via: "resource" });
  });

  it("puts Aurora 15 one major behind compose's postgres:16", () => {
    const aurora = run("infra/aurora/main.tf").uses[0];
    const compose = resolveImage(/image: (\S+)/.exec(fixture("aurora/docker-compose.yml"))?.[1] ?? "");
    expect(compose).toMatchObject({ engine: "postgres", version: "16" });
    expect(aurora?.engine).toBe(compose?.engine);
    expect(versionDistance(aurora?.version ?? null, compose?.version ?? null)).toBe(1);
  });

  it("reads every managed service of a production stack, resolving var., local. and tfvars", () => {
    const result = run("infra/prod/main.tf");
    expect(result.problems).toEqual([]);
    expect(facts(result)).toEqual([
      ["aws_elasticache_replication_group.cache", "cache", "redis", "7", 17, "prod"],
      ["aws_elasticache_serverless_cache.flags", "cache", "redis", "8", 24, "prod"],
      ["aws_s3_bucket.uploads", "storage", "s3", null, 27, "prod"],
      ["aws_sqs_queue.orders", "broker", "sqs", null, 31, "prod"],
      ["aws_mq_broker.events", "broker", "rabbitmq", "3.13", 39, "prod"],
      ["aws_msk_cluster.stream", "broker", "kafka", "3", 49, "prod"],
      ["aws_opensearch_domain.search", "search", "opensearch", "2", 60, "prod"],
      ["aws_dynamodb_table.idempotency", "database", "dynamodb", null, 63, "prod"],
      ["aws_lambda_function.thumbnails", "runtime", "node", "20", 75, "prod"],
      ["module.db", "database", "postgres", "15", 87, "prod"],
      ["module.legacy", "database", "mysql", "8.0", 96, "prod"],
    ]);
  });

  it("shows what a reference resolved to in raw", () => {
    const cache = run("infra/prod/main.tf").uses[0];
    expect(cache?.raw).toBe('engine_version       = var.redis_version (= "7.1")');
  });

  it("falls back to the variable default when no tfvars overrides it", () => {
    const files = new Map(FILES);
    files.delete("infra/prod/terraform.tfvars");
    const local: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };
    const result = terraformFormat.extract({ path: "infra/prod/main.tf", content: fixture("prod/main.tf") }, local);
    expect(result.uses[0]?.version).toBe("6");
    expect(result.uses.find((u) => u.name === "module.legacy")?.version).toBeNull();
  });

  it("reads GCP and Azure services and classifies a staging path as staging", () => {
    const result = run("infra/staging/main.tf");
    expect(facts(result)).toEqual([
      ["google_sql_database_instance.main", "database", "postgres", "15", 3, "staging"],
      ["google_redis_instance.cache", "cache", "redis", "7", 13, "staging"],
      ["google_storage_bucket.media", "storage", "gcs", null, 16, "staging"],
      ["azurerm_postgresql_flexible_server.reports", "database", "postgres", "16", 25, "staging"],
      ["aws_elasticsearch_domain.legacy", "search", "elasticsearch", "7", 31, "staging"],
      ["aws_elasticache_cluster.sessions", "cache", "memcached", "1.6", 37, "staging"],
    ]);
  });

  it("reports a syntax error with its line and still reads the rest", () => {
    const result = run("infra/broken.tf");
    expect(result.problems).toEqual([{ type: "parse-error", line: 4, message: "terraform: expected an expression" }]);
    expect(result.uses.map((u) => u.name)).toContain("aws_s3_bucket.after_error");
  });

  it("never throws on garbage and ignores downloaded modules", () => {
    expect(() => terraformFormat.extract({ path: "x.tf", content: '}{ "\u0000 <<EOF' }, ctx)).not.toThrow();
    expect(run("infra/.terraform/modules/db/main.tf")).toEqual({ uses: [], problems: [] });
  });

  it.each([
    ["infra/main.tf", "prod"],
    ["envs/staging/main.tf", "staging"],
    ["stage/rds.tf", "staging"],
    ["envs/dev/main.tf", undefined],
    ["main.tf", "prod"],
  ])("classifies %s as %s", (path, environment) => {
    expect(terraformEnvironment(path)).toBe(environment);
  });
});

describe("terraform: what is not the application's infrastructure", () => {
  const files = new Map<string, string>(
    ["optional/main.tf", "optional/variables.tf", "optional/terraform.tfvars"].map(
      (name) => [`infra/${name}`, fixture(name)] as const,
    ),
  );
  const optionalCtx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };
  const extract = (path: string) =>
    terraformFormat.extract({ path, content: files.get("infra/optional/main.tf") ?? "" }, optionalCtx);

  it("skips state buckets, resources whose count resolves to 0 and modules created false", () => {
    const result = extract("infra/optional/main.tf");
    expect(result.uses.map((use) => [use.name, use.engine, use.version])).toEqual([
      ["google_storage_bucket.uploads", "gcs", null],
      ["google_redis_instance.sessions", "redis", "6"],
    ]);
  });

  it.each([".github/terraform/main.tf", "examples/complete/main.tf"])("reads no resources in %s", (path) => {
    const result = terraformFormat.extract({ path, content: files.get("infra/optional/main.tf") ?? "" }, optionalCtx);
    expect(result.uses).toEqual([]);
  });
});

describe("terraform: local modules run with their callers' inputs", () => {
  const names = [
    "modules/db/main.tf",
    "envs/prod/main.tf",
    "envs/staging/main.tf",
    "envs/staging/terraform.tfvars",
    "envs/dev/main.tf",
  ];
  const files = new Map<string, string>(names.map((name) => [`infra/${name}`, fixture(`modules-layout/${name}`)]));
  const modulesCtx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };

  it("reports the module's resource once per calling environment, with the version that caller sets", () => {
    const path = "infra/modules/db/main.tf";
    const result = terraformFormat.extract({ path, content: files.get(path) ?? "" }, modulesCtx);
    expect(result.uses.map((use) => [use.environment, use.engine, use.version, use.line])).toEqual([
      // The caller's own value wins over the module's default ("14")...
      ["prod", "postgres", "15", 17],
      ["staging", "postgres", "16", 17],
      // ...and a value the repository does not show is unknown, not the default.
      ["dev", "postgres", null, 17],
    ]);
    expect(result.uses[0]?.raw).toBe('engine_version = var.engine_version (= "15.4")');
  });
});
