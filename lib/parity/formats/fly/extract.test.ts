import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExtractResult, Format } from "../../types";
import { tomlKeyLines } from "../shared/toml-lines";
import { flyFormat } from "./index";

/** Through the contract's signature, as the engine calls it. */
const format: Format = flyFormat;
const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const ctx = { paths: [], readFile: () => undefined };
const run = (path: string, name: string): ExtractResult => format.extract({ path, content: fixture(name) }, ctx);
const facts = (result: ExtractResult) =>
  result.uses.map((u) => ({
    kind: u.kind,
    engine: u.engine,
    version: u.version,
    line: u.line,
    environment: u.environment ?? result.environment,
  }));

describe("fly format", () => {
  it("claims fly.toml and fly.<env>.toml", () => {
    expect(format.patterns).toContain("**/fly.toml");
    expect(format.patterns).toContain("**/fly.*.toml");
  });

  it("reads runtimes, [env] connection URLs, volumes and Sidekiq from a Rails app", () => {
    const result = run("fly.toml", "fly.toml");
    expect(result.problems).toEqual([]);
    expect(facts(result)).toEqual([
      { kind: "runtime", engine: "ruby", version: "3.3", line: 12, environment: "prod" },
      { kind: "runtime", engine: "node", version: "20", line: 13, environment: "prod" },
      { kind: "cache", engine: "redis", version: null, line: 21, environment: "prod" },
      { kind: "storage", engine: "local-disk", version: null, line: 29, environment: "prod" },
      { kind: "broker", engine: "redis", version: null, line: 26, environment: "prod" },
    ]);
    expect(result.envKeys?.map((k) => [k.key, k.line, k.role])).toEqual([
      ["RAILS_LOG_TO_STDOUT", 19, "reads"],
      ["RAILS_SERVE_STATIC_FILES", 20, "reads"],
      ["CACHE_URL", 21, "reads"],
      ["SMTP_ADDRESS", 22, "reads"],
    ]);
    expect(result.literals).toEqual([{ key: "CACHE_URL", line: 21, value: "redis://acme-cache.internal:6379/1" }]);
  });

  it("does not take comments for facts: no Postgres although the comment says fly-pg", () => {
    const result = run("fly.toml", "fly.toml");
    expect(result.uses.some((u) => u.engine === "postgres")).toBe(false);
  });

  it("classifies fly.staging.toml as staging and follows its Dockerfile", () => {
    const result = run("deploy/fly.staging.toml", "fly.staging.toml");
    expect(result.environment).toBe("staging");
    expect(result.uses).toEqual([]);
    expect(result.references).toEqual([{ path: "deploy/docker/Dockerfile.fly", environment: "staging", line: 5 }]);
  });

  it("reads a Fly Postgres app's image version and does not count its data volume as file storage", () => {
    const result = run("db/fly.toml", "postgres.fly.toml");
    expect(facts(result)).toEqual([
      { kind: "database", engine: "postgres", version: "15", line: 9, environment: "prod" },
    ]);
    expect(result.uses[0]?.pinned).toBe(true);
  });

  it("reports a TOML syntax error with its line instead of throwing", () => {
    const result = run("fly.toml", "broken.toml");
    expect(result.uses).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ type: "parse-error", line: 3 });
  });
});

describe("tomlKeyLines", () => {
  it.each([
    ["app", 1],
    ["services.0", 15],
    ["services.0.internal_port", 17],
    ["services.0.ports.0.port", 20],
    ["services.0.ports.1.port", 24],
    ["mounts.0.source", 12],
    ["build.image", 9],
  ])("maps %s to line %i", (path, line) => {
    expect(tomlKeyLines(fixture("postgres.fly.toml")).get(path)).toBe(line);
  });

  it("skips multi-line strings and arrays", () => {
    const text = 'a = """\nb = 1\n"""\nc = [\n  "d = 2",\n]\ne = 3\n';
    const lines = tomlKeyLines(text);
    expect([...lines.entries()]).toEqual([
      ["a", 1],
      ["c", 4],
      ["e", 7],
    ]);
  });
});
