import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExtractResult, Format } from "../../types";
import { railwayFormat } from "./index";

/** Through the contract's signature, as the engine calls it. */
const format: Format = railwayFormat;
const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const ctx = { paths: [], readFile: () => undefined };
const run = (path: string, name: string): ExtractResult => format.extract({ path, content: fixture(name) }, ctx);
const facts = (result: ExtractResult) =>
  result.uses.map((u) => [u.kind, u.engine, u.version, u.line, u.environment ?? result.environment]);

describe("railway format", () => {
  it("reads Nixpacks runtimes from railway.json, with the staging override placed in staging", () => {
    const result = run("railway.json", "railway.json");
    expect(result.problems).toEqual([]);
    expect(facts(result)).toEqual([
      ["runtime", "node", "20", 10, "prod"],
      ["runtime", "node", null, 7, "prod"],
      ["runtime", "node", "22", 26, "staging"],
    ]);
  });

  it("does not take the psql client package for a database, nor read PR environments", () => {
    const result = run("railway.json", "railway.json");
    expect(result.uses.some((u) => u.kind === "database")).toBe(false);
    expect(result.uses).toHaveLength(3);
  });

  it("reads railway.toml: runtime, Dockerfile reference and an RQ worker's Redis", () => {
    const result = run("api/railway.toml", "railway.toml");
    expect(result.problems).toEqual([]);
    expect(facts(result)).toEqual([
      ["runtime", "python", "3.12", 9, "prod"],
      ["runtime", "python", null, 6, "prod"],
      ["broker", "redis", null, 12, "prod"],
    ]);
    expect(result.references).toEqual([{ path: "api/docker/Dockerfile.prod", environment: "prod", line: 3 }]);
  });

  it("reports a JSON error with its line and never throws", () => {
    const result = run("railway.json", "broken.json");
    expect(result.problems).toEqual([{ type: "parse-error", line: 3, message: "railway.json: PropertyNameExpected" }]);
  });

  it("reports a TOML error with its line", () => {
    const result = format.extract({ path: "railway.toml", content: "[build]\nbuilder = \n" }, ctx);
    expect(result.problems[0]).toMatchObject({ type: "parse-error", line: 2 });
  });
});
