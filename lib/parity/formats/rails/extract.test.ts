import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFixtureTree } from "../../__tests__/support";
import type { ExtractContext, ExtractedUse } from "../../types";
import { railsFormat as rails } from "./index";

const FIXTURES = join(__dirname, "__fixtures__");

function app(name: string): { ctx: ExtractContext; run: (path: string) => ReturnType<typeof rails.extract> } {
  const root = join(FIXTURES, name);
  const files = readFixtureTree(root);
  const ctx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };
  return { ctx, run: (path) => rails.extract({ path, content: files.get(path) ?? "" }, ctx) };
}

function facts(uses: ExtractedUse[]) {
  return uses.map((u) => [u.environment, u.kind, u.engine, u.line, u.via]);
}

const shop = app("shop");

describe("rails database.yml", () => {
  const result = shop.run("config/database.yml");

  it("reads sqlite3 in development and test through the merged anchor, postgres in production", () => {
    expect(result.problems).toEqual([]);
    expect(facts(result.uses)).toEqual([
      ["dev", "database", "sqlite", 5, "adapter"],
      ["test", "database", "sqlite", 5, "adapter"],
      ["staging", "database", "postgres", 18, "adapter"],
      ["prod", "database", "postgres", 24, "adapter"],
      ["prod", "database", "postgres", 29, "adapter"],
    ]);
    expect(result.uses.map((u) => u.name)).toEqual([
      "development",
      "test",
      "staging",
      "production.primary",
      "production.queue",
    ]);
    expect(result.uses.every((u) => u.version === null && u.pinned === null)).toBe(true);
  });

  it("records an ENV.fetch fallback of another engine as a default fact and redacts it", () => {
    const { uses } = rails.extract(
      {
        path: "config/database.yml",
        content: [
          "production:",
          "  adapter: postgresql",
          '  url: <%= ENV.fetch("DATABASE_URL") { "sqlite3:db/prod.sqlite3" } %>',
          "development:",
          '  url: <%= ENV.fetch("DATABASE_URL", "postgres://dev:hunter2@localhost/dev") %>',
        ].join("\n"),
      },
      shop.ctx,
    );
    expect(facts(uses)).toEqual([
      ["prod", "database", "postgres", 2, "adapter"],
      ["prod", "database", "sqlite", 3, "default"],
      ["dev", "database", "postgres", 5, "default"],
    ]);
    expect(uses[2]?.raw).not.toContain("hunter2");
  });

  it.each([
    ["postgis", "postgres"],
    ["sqlite3", "sqlite"],
    // Clients of MySQL and MariaDB alike: the adapter does not say which server runs.
    ["trilogy", undefined],
    ["mysql2", undefined],
  ])("maps adapter %s to %s", (adapter, engine) => {
    const { uses } = rails.extract(
      { path: "config/database.yml", content: `production:\n  adapter: ${adapter}\n` },
      shop.ctx,
    );
    expect(uses[0]?.engine).toBe(engine);
  });

  it("reads a committed database.yml.sample only when database.yml is not committed", () => {
    const content = "production:\n  adapter: sqlite3\n  database: storage/production.sqlite3\n";
    const alone: ExtractContext = { paths: ["config/database.yml.sample"], readFile: () => undefined };
    expect(facts(rails.extract({ path: "config/database.yml.sample", content }, alone).uses)).toEqual([
      ["prod", "database", "sqlite", 2, "adapter"],
    ]);
    const both: ExtractContext = {
      paths: ["config/database.yml", "config/database.yml.sample"],
      readFile: () => undefined,
    };
    expect(rails.extract({ path: "config/database.yml.sample", content }, both).uses).toEqual([]);
  });

  it("prefers a literal url over the adapter, as Rails does", () => {
    const { uses } = rails.extract(
      { path: "config/database.yml", content: "test:\n  adapter: sqlite3\n  url: postgres://localhost/app_test\n" },
      shop.ctx,
    );
    expect(facts(uses)).toEqual([["test", "database", "postgres", 3, "url"]]);
  });

  it("reports broken YAML as a problem with its line instead of throwing", () => {
    const { uses, problems } = rails.extract(
      { path: "config/database.yml", content: "development:\n  adapter: sqlite3\n   bad: [\n" },
      shop.ctx,
    );
    expect(uses).toEqual([]);
    expect(problems[0]?.type).toBe("parse-error");
    expect(problems[0]?.line).toBeGreaterThan(1);
  });
});

describe("rails cable.yml", () => {
  it("is Action Cable's pub/sub, not the job broker: not read", () => {
    expect(rails.patterns.some((pattern) => pattern.includes("cable"))).toBe(false);
  });
});

describe("rails environment files", () => {
  it("reads the store dev:cache turns on (not the toggled-off null_store) and the :async default", () => {
    const { uses } = shop.run("config/environments/development.rb");
    expect(facts(uses)).toEqual([
      ["dev", "cache", "in-memory", 12, "adapter"],
      ["dev", "broker", "in-process", 3, "default"],
    ]);
    expect(uses[0]?.raw).toContain("rails dev:cache");
  });

  it("reads production cache, Sidekiq and the S3 service named in storage.yml", () => {
    const { uses } = shop.run("config/environments/production.rb");
    expect(facts(uses)).toEqual([
      ["prod", "storage", "s3", 8, "adapter"],
      ["prod", "cache", "redis", 15, "adapter"],
      ["prod", "broker", "redis", 17, "adapter"],
    ]);
    expect(uses[0]?.raw).toBe("config.active_storage.service = :amazon");
  });

  it("resolves Solid Queue to the engine of the environment's database", () => {
    const { uses } = shop.run("config/environments/staging.rb");
    expect(facts(uses)).toEqual([["staging", "broker", "postgres", 2, "adapter"]]);
  });

  it("leaves out the test environment's standard adapters (:null_store, :test jobs)", () => {
    const { uses } = shop.run("config/environments/test.rb");
    expect(facts(uses)).toEqual([["test", "storage", "local-disk", 5, "adapter"]]);
  });

  it("applies application.rb settings to each environment that does not override them", () => {
    const { uses } = shop.run("config/application.rb");
    expect(facts(uses)).toEqual([
      ["dev", "storage", "local-disk", 12, "adapter"],
      ["staging", "storage", "local-disk", 12, "adapter"],
    ]);
  });
});

describe("rails Gemfile", () => {
  it("treats a default-group Sidekiq gem as a production Redis broker, ignoring dev/test-only gems", () => {
    const { uses } = shop.run("Gemfile");
    expect(facts(uses)).toEqual([["prod", "broker", "redis", 9, "dependency"]]);
  });

  it("ignores a Gemfile that is not a Rails app's", () => {
    const { uses } = rails.extract({ path: "gems/tool/Gemfile", content: 'gem "sidekiq"\n' }, shop.ctx);
    expect(uses).toEqual([]);
  });
});

describe("rails application.rb without environment files", () => {
  it("holds in dev and prod", () => {
    const ctx: ExtractContext = { paths: ["config/application.rb"], readFile: () => undefined };
    const content =
      "module Api\n  class Application < Rails::Application\n    config.active_job.queue_adapter = :sidekiq\n  end\nend\n";
    const { uses } = rails.extract({ path: "config/application.rb", content }, ctx);
    expect(facts(uses)).toEqual([
      ["dev", "broker", "redis", 3, "adapter"],
      ["prod", "broker", "redis", 3, "adapter"],
    ]);
  });
});

describe("rails settings that branch on environment variables", () => {
  const production = [
    "Rails.application.configure do",
    '  if ENV["CACHE_REDIS_URL"].present?',
    '    config.cache_store = :redis_cache_store, { url: ENV["CACHE_REDIS_URL"] }',
    "  else",
    "    config.cache_store = :memory_store",
    "  end",
    '  config.active_storage.service = ENV.fetch("ACTIVE_STORAGE_SERVICE", "local").to_sym',
    "  config.active_job.queue_adapter = :sidekiq",
    "end",
  ].join("\n");

  function run(paths: Record<string, string>) {
    const files = new Map(Object.entries({ "config/environments/production.rb": production, ...paths }));
    const ctx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };
    return rails.extract({ path: "config/environments/production.rb", content: production }, ctx).uses;
  }

  it("holds a gated cache store in prod only where a deploy file sets its variable", () => {
    expect(facts(run({}))).toEqual([["prod", "broker", "redis", 8, "adapter"]]);
    const compose =
      "services:\n  web:\n    image: ghcr.io/acme/app:2\n    environment:\n      CACHE_REDIS_URL: redis://cache:6379/1\n";
    const uses = run({ "deploy/compose.yml": compose });
    expect(facts(uses)).toEqual([
      ["prod", "cache", "redis", 3, "adapter"],
      ["prod", "broker", "redis", 8, "adapter"],
    ]);
    expect(uses[0]?.raw).toContain("branch taken where CACHE_REDIS_URL set: deploy/compose.yml");
  });

  it("keeps the else branch where nothing is set (dev), never in prod", () => {
    const development = production.replace("config.active_job.queue_adapter = :sidekiq", "");
    const ctx: ExtractContext = { paths: ["config/environments/development.rb"], readFile: () => undefined };
    const { uses } = rails.extract({ path: "config/environments/development.rb", content: development }, ctx);
    expect(facts(uses)).toEqual([
      ["dev", "cache", "in-memory", 5, "adapter"],
      ["dev", "broker", "in-process", 1, "default"],
    ]);
    expect(uses[0]?.raw).toContain("branch taken when CACHE_REDIS_URL unset");
  });
});
