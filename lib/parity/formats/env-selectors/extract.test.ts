import { join } from "node:path";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { readFixtureTree } from "../../__tests__/support";
import type { ExtractContext, ExtractedUse } from "../../types";
import { envSelectorsFormat as selectors } from "./index";

const files = readFixtureTree(join(__dirname, "__fixtures__", "notes"));
const ctx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };
const run = (path: string) => selectors.extract({ path, content: files.get(path) ?? "" }, ctx);

function facts(uses: ExtractedUse[]) {
  return uses.map((u) => [u.kind, u.engine, u.line, u.environment]);
}

describe("env-selectors", () => {
  it("reads the app's selector variables, left to the path rules to place", () => {
    expect(facts(run(".env.example").uses)).toEqual([
      ["database", "sqlite", 4, undefined],
      ["storage", "local-disk", 7, undefined],
    ]);
    expect(facts(run(".env.production").uses)).toEqual([
      ["database", "postgres", 1, undefined],
      ["storage", "s3", 3, undefined],
      ["broker", "redis", 4, undefined],
    ]);
    expect(run(".env.example").uses[0]?.raw).toBe("NOTES_DATABASE_TYPE=sqlite (selects the database)");
  });

  it("claims neither a bare .env nor a reference list", () => {
    const claims = picomatch(selectors.patterns as string[], { dot: true });
    expect(claims(".env.example")).toBe(true);
    expect(claims(".env")).toBe(false);
    expect(claims(".env.example.complete")).toBe(false);
  });

  it("leaves a Laravel app's env files to the laravel format", () => {
    const laravel: ExtractContext = { paths: ["artisan", ".env.example"], readFile: () => undefined };
    expect(selectors.extract({ path: ".env.example", content: "CACHE_STORE=redis\n" }, laravel).uses).toEqual([]);
  });
});
