import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFixtureTree } from "../../__tests__/support";
import type { ExtractContext, ExtractedUse } from "../../types";
import { laravelFormat as laravel } from "./index";

const FIXTURES = join(__dirname, "__fixtures__");

function project(name: string, drop: string[] = []) {
  const root = join(FIXTURES, name);
  const files = readFixtureTree(root);
  for (const path of drop) files.delete(path);
  const ctx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };
  return {
    ctx,
    run: (path: string, content?: string) => laravel.extract({ path, content: content ?? files.get(path) ?? "" }, ctx),
  };
}

function facts(uses: ExtractedUse[]) {
  return uses.map((u) => [u.environment, u.kind, u.engine, u.line, u.via]);
}

describe("laravel invoices app: sync queues locally, SQS in production", () => {
  const invoices = project("invoices");

  it("reads .env.example for dev, and for test where phpunit.xml leaves a key unset", () => {
    const { uses } = invoices.run(".env.example");
    expect(facts(uses)).toEqual([
      ["dev", "database", "sqlite", 9, "setting"],
      // CACHE_STORE=database: the cache lives in the environment's database.
      ["dev", "cache", "sqlite", 19, "setting"],
      ["dev", "broker", "in-process", 17, "setting"],
      ["dev", "storage", "local-disk", 16, "setting"],
      ["test", "storage", "local-disk", 16, "setting"],
    ]);
  });

  it("reads phpunit.xml overrides for test", () => {
    expect(facts(invoices.run("phpunit.xml").uses)).toEqual([
      ["test", "database", "sqlite", 14, "setting"],
      ["test", "cache", "in-memory", 13, "setting"],
      ["test", "broker", "in-process", 16, "setting"],
    ]);
  });

  it("reads .env.production for prod", () => {
    const { uses } = invoices.run(".env.production");
    expect(facts(uses)).toEqual([
      ["prod", "database", "postgres", 5, "setting"],
      ["prod", "cache", "redis", 8, "setting"],
      ["prod", "broker", "sqs", 9, "setting"],
      ["prod", "storage", "s3", 11, "setting"],
    ]);
    expect(uses[0]?.raw).toBe("DB_CONNECTION=pgsql");
  });

  it("uses config/*.php fallbacks only where no env file sets the key", () => {
    expect(facts(invoices.run("config/queue.php").uses)).toEqual([]);
    const bare = project("invoices", [".env.example", ".env.production", "phpunit.xml"]);
    expect(facts(bare.run("config/database.php").uses)).toEqual([["dev", "database", "sqlite", 11, "default"]]);
    expect(facts(bare.run("config/queue.php").uses)).toEqual([["dev", "broker", "sqlite", 4, "default"]]);
    expect(facts(bare.run("config/cache.php").uses)).toEqual([["dev", "cache", "sqlite", 4, "default"]]);
    expect(facts(bare.run("config/filesystems.php").uses)).toEqual([["dev", "storage", "local-disk", 4, "default"]]);
  });

  it("ignores .env files outside a Laravel app (no artisan)", () => {
    const other = project("invoices", ["artisan"]);
    expect(other.run(".env.example").uses).toEqual([]);
  });

  it("ignores .env files beside an artisan that is not Laravel's (composer.json without laravel/framework)", () => {
    const other = project("invoices", ["composer.json"]);
    expect(other.run(".env.example").uses).toEqual([]);
  });

  it.each([
    ["DB_CONNECTION=mysql", "database", "mysql"],
    ["DB_CONNECTION=mariadb", "database", "mariadb"],
    ['CACHE_DRIVER="memcached"', "cache", "memcached"],
    ["CACHE_STORE=file", "cache", "in-memory"],
    ["QUEUE_CONNECTION=redis", "broker", "redis"],
    ["FILESYSTEM_DISK=public", "storage", "local-disk"],
  ])("maps %s", (line, kind, engine) => {
    const { uses } = invoices.run(".env.production", `${line}\n`);
    expect(facts(uses).filter((f) => f[1] === kind)).toEqual([["prod", kind, engine, 1, "setting"]]);
  });
});
