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
    ["trilogy", "mysql"],
    ["mysql2", "mysql"],
    ["postgis", "postgres"],
    ["sqlite3", "sqlite"],
  ])("maps adapter %s to %s", (adapter, engine) => {
    const { uses } = rails.extract(
      { path: "config/database.yml", content: `production:\n  adapter: ${adapter}\n` },
      shop.ctx,
    );
    expect(uses[0]?.engine).toBe(engine);
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
  it("models async/test pub-sub as in-process and redis as redis", () => {
    const { uses } = shop.run("config/cable.yml");
    expect(facts(uses)).toEqual([
      ["dev", "broker", "in-process", 2, "adapter"],
      ["test", "broker", "in-process", 5, "adapter"],
      ["prod", "broker", "redis", 8, "adapter"],
    ]);
  });
});

describe("rails environment files", () => {
  it("reads development caches and falls back to the :async job adapter", () => {
    const { uses } = shop.run("config/environments/development.rb");
    expect(facts(uses)).toEqual([
      ["dev", "cache", "in-memory", 12, "adapter"],
      ["dev", "cache", "in-memory", 15, "adapter"],
      ["dev", "broker", "in-process", 3, "default"],
    ]);
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

  it("reads the test adapters", () => {
    const { uses } = shop.run("config/environments/test.rb");
    expect(facts(uses)).toEqual([
      ["test", "cache", "in-memory", 4, "adapter"],
      ["test", "storage", "local-disk", 5, "adapter"],
      ["test", "broker", "in-process", 6, "adapter"],
    ]);
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
