import { join } from "node:path";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { readFixtureTree } from "../../__tests__/support";
import type { ExtractContext, ExtractedUse } from "../../types";
import { readCodeDefaults } from "./app-defaults";
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

describe("env-selectors: the application's own default where a deploy leaves the selector unset", () => {
  const tree = readFixtureTree(join(__dirname, "__fixtures__", "uploads"));
  const uploads: ExtractContext = { paths: [...tree.keys()], readFile: (path) => tree.get(path) };
  const read = (path: string, content = tree.get(path) ?? "") => selectors.extract({ path, content }, uploads).uses;

  it("runs the code's default engine on a blueprint that configures its bucket and credentials", () => {
    expect(facts(read("app.json"))).toEqual([["storage", "s3", 6, undefined]]);
    expect(read("app.json")[0]?.raw).toBe(
      "UPLOAD_STORAGE_DRIVER unset: the app's default s3 (server/env.js:8); AWS_S3_BUCKET configured",
    );
    expect(read("app.json")[0]?.via).toBe("default");
  });

  it("leaves a file that sets the selector to its own value, and one that says nothing of the engine", () => {
    expect(facts(read(".env.test"))).toEqual([["storage", "local-disk", 1, undefined]]);
    expect(read(".env.development")).toEqual([]);
    const set = (tree.get("app.json") ?? "").replace(
      '"env": {',
      '"env": {\n    "UPLOAD_STORAGE_DRIVER": { "value": "local" },',
    );
    expect(facts(read("app.json", set))).toEqual([["storage", "local-disk", 5, undefined]]);
  });

  it("reads a selector a blueprint sets (app.json, render.yaml, fly.toml)", () => {
    const json =
      '{\n  "env": {\n    "UPLOAD_STORAGE_DRIVER": { "value": "local" },\n    "CACHE_STORE": {\n      "description": "x",\n      "value": "redis"\n    },\n    "QUEUE_DRIVER": "sqs"\n  }\n}\n';
    expect(facts(read("app.json", json))).toEqual([
      ["storage", "local-disk", 3, undefined],
      ["cache", "redis", 6, undefined],
      ["broker", "sqs", 8, undefined],
    ]);
    const render =
      "services:\n  - type: web\n    envVars:\n      - key: FILE_STORAGE\n        value: s3\n      - key: CACHE_STORE\n        sync: false\n";
    expect(facts(read("render.yaml", render))).toEqual([["storage", "s3", 5, undefined]]);
    expect(facts(read("fly.toml", '[env]\n  FILE_STORAGE = "local"\n'))).toEqual([
      ["storage", "local-disk", 2, undefined],
    ]);
  });

  it("applies a default only to the deploy files of the code's own folder", () => {
    expect(read("worker/render.yaml")).toEqual([]);
  });

  it("has no default when two of the code's env schemas disagree", () => {
    const files = new Map([
      ["api/env.ts", "export const FILE_STORAGE = process.env.FILE_STORAGE ?? 's3';\n"],
      ["web/env.ts", "export const FILE_STORAGE = process.env.FILE_STORAGE ?? 'local';\n"],
      ["app.json", '{ "env": { "AWS_S3_BUCKET": {} } }\n'],
    ]);
    const ctx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };
    expect(selectors.extract({ path: "app.json", content: files.get("app.json") ?? "" }, ctx).uses).toEqual([]);
  });

  it("claims blueprints and reads the conventional env schema files", () => {
    const claims = picomatch(selectors.patterns as string[], { dot: true });
    const reads = picomatch(selectors.reads as string[], { dot: true });
    expect(["app.json", "render.yaml", "fly.toml"].map((path) => claims(path))).toEqual([true, true, true]);
    expect(
      ["server/env.ts", "src/config.ts", "config/index.js", "internal/config/config.go"].map((path) => reads(path)),
    ).toEqual([true, true, true, true]);
  });
});

describe("readCodeDefaults", () => {
  it.each([
    ["nullish fallback", "storage: process.env.FILE_STORAGE ?? 'local',", "local"],
    ["or fallback in a converter", 'const driver = parse(environment.STORAGE_DRIVER) || "s3";', "s3"],
    ["zod", '  FILE_STORAGE: z.enum(["local", "s3"]).default("s3"),', "s3"],
    ["zod over lines", '  FILE_STORAGE: z\n    .enum(["local", "s3"])\n    .default("local"),', "local"],
    ["envalid", '  STORAGE_DRIVER: str({ choices: ["local", "gcs"], default: "gcs" }),', "gcs"],
    [
      "convict",
      'storage: {\n  doc: "where files go",\n  format: ["local", "s3"],\n  default: "local",\n  env: "FILE_STORAGE",\n},',
      "local",
    ],
    ["class-validator initialiser", '  @IsIn(["local", "s3"])\n  FILE_STORAGE: string = "s3";', "s3"],
    ["Go envDefault tag", '\tStorage string `env:"FILE_STORAGE" envDefault:"local"`', "local"],
    ["Go envconfig tag", '\tStorage string `envconfig:"STORAGE_BACKEND" default:"s3"`', "s3"],
    ["go-envconfig default=", '\tStorage string `env:"STORAGE_BACKEND, default=gcs"`', "gcs"],
    ["helper call", '\tstorage := getEnv("BLOBSTORE", "s3")', "s3"],
  ])("%s", (_name, code, value) => {
    expect(readCodeDefaults("config.ts", code).map((found) => found.value)).toEqual([value]);
  });

  it.each([
    ["a comparison is no default", 'if (process.env.FILE_STORAGE === "local") {'],
    ["a commented default", '// FILE_STORAGE: process.env.FILE_STORAGE ?? "s3"'],
    ["an undecorated constant", 'const FILE_STORAGE = "s3";'],
    ["another variable's fallback", 'const root = process.env.UPLOAD_ROOT ?? "/data";'],
  ])("%s", (_name, code) => {
    expect(readCodeDefaults("config.ts", code)).toEqual([]);
  });
});
