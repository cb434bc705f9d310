import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExtractResult, Format } from "../../types";
import { herokuFormat } from "./index";

/** Through the contract's signature, as the engine calls it. */
const format: Format = herokuFormat;
const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const ctx = { paths: [], readFile: () => undefined };
const run = (path: string, name: string): ExtractResult => format.extract({ path, content: fixture(name) }, ctx);
const facts = (result: ExtractResult) =>
  result.uses.map((u) => [u.kind, u.engine, u.version, u.line, u.environment ?? result.environment ?? null]);

describe("heroku app.json", () => {
  it("reads add-ons (Heroku Postgres standard-0 on version 15), buildpacks and test add-ons", () => {
    const result = run("app.json", "app.json");
    expect(result.problems).toEqual([]);
    expect(facts(result)).toEqual([
      ["database", "postgres", "15", 22, "prod"],
      ["cache", "redis", null, 27, "prod"],
      ["broker", "rabbitmq", null, 28, "prod"],
      ["storage", "s3", null, 29, "prod"],
      ["search", "elasticsearch", null, 30, "prod"],
      ["mail", "smtp", null, 31, "prod"],
      ["cache", "memcached", null, 32, "prod"],
      ["runtime", "python", null, 7, "prod"],
      ["runtime", "node", null, 8, "prod"],
      ["database", "mysql", null, 15, "prod"],
      ["database", "postgres", null, 37, "test"],
      ["cache", "redis", null, 37, "test"],
    ]);
    expect(result.uses[0]).toMatchObject({
      via: "addon",
      name: "DATABASE",
      raw: "addon heroku-postgresql:standard-0 (version 15)",
    });
  });

  it("reads env keys, keeps generated secrets out of literals and redacts URL passwords", () => {
    const result = run("app.json", "app.json");
    expect(result.envKeys?.map((k) => [k.key, k.line, k.environment ?? null])).toEqual([
      ["DJANGO_SETTINGS_MODULE", 11, null],
      ["SECRET_KEY", 12, null],
      ["WEB_CONCURRENCY", 13, null],
      ["SENTRY_DSN", 14, null],
      ["LEGACY_ARCHIVE_URL", 15, null],
      ["DJANGO_SETTINGS_MODULE", 38, "test"],
    ]);
    expect(result.literals).toEqual([
      { key: "LEGACY_ARCHIVE_URL", line: 15, value: "mysql://archive:***@legacy-db.acme.internal:3306/archive" },
    ]);
    expect(JSON.stringify(result)).not.toContain("hunter2");
  });

  it("ignores an app.json that is not Heroku's (Expo)", () => {
    expect(run("app.json", "expo-app.json")).toEqual({ uses: [], problems: [] });
  });

  it("reports a JSON syntax error with its line and still reads what it can", () => {
    const result = run("app.json", "broken.json");
    expect(result.problems).toEqual([{ type: "parse-error", line: 5, message: "app.json: CommaExpected" }]);
    expect(result.uses.map((u) => u.engine)).toContain("postgres");
  });
});

describe("heroku Procfile", () => {
  it("is production and records Sidekiq's Redis only", () => {
    const result = run("Procfile", "Procfile");
    expect(facts(result)).toEqual([["broker", "redis", null, 3, "prod"]]);
    expect(result.uses[0]?.name).toBe("worker");
  });

  it("does not force prod on Procfile.dev: classification by path decides", () => {
    const result = run("Procfile.dev", "Procfile.dev");
    expect(result.environment).toBeUndefined();
    expect(facts(result)).toEqual([["broker", "redis", null, 3, null]]);
  });

  it("does not guess Celery's broker", () => {
    expect(run("Procfile", "Procfile.celery").uses).toEqual([]);
  });
});

describe("heroku.yml", () => {
  it("reads setup add-ons, config keys, Dockerfiles and run commands", () => {
    const result = run("heroku.yml", "heroku.yml");
    expect(result.problems).toEqual([]);
    expect(facts(result)).toEqual([
      ["database", "postgres", null, 3, "prod"],
      ["cache", "redis", null, 5, "prod"],
      ["broker", "redis", null, 23, "prod"],
    ]);
    expect(result.envKeys?.map((k) => [k.key, k.line])).toEqual([
      ["RAILS_ENV", 7],
      ["S3_REGION", 8],
    ]);
    expect(result.references).toEqual([
      { path: "Dockerfile", environment: "prod", line: 11 },
      { path: "worker/Dockerfile", environment: "prod", line: 12 },
    ]);
  });
});
