/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { extractRuntimeVersions } from "./extract";
import { MINIMUM } from "./roles";
import { nodeVersion, plainVersion, rangeVersion } from "./versions";

const FILES = import.meta.glob<string>(["./__fixtures__/**/*", "./__fixtures__/**/.*"], {
  query: "?raw",
  import: "default",
  eager: true,
});

function extract(path: string) {
  const content = FILES[`./__fixtures__/${path}`];
  if (content === undefined) throw new Error(`missing fixture ${path}`);
  return extractRuntimeVersions({ path, content });
}

describe("runtime-versions", () => {
  it.each([
    // path, engine, version, pinned, line, environment
    ["web/.nvmrc", "node", "20", true, 1, undefined],
    ["web/.node-version", "node", "20", true, 2, undefined],
    ["api/.python-version", "python", "3.11", true, 1, undefined],
    [".ruby-version", "ruby", "3.2", true, 1, undefined],
    ["api/runtime.txt", "python", "3.11", true, 1, "prod"],
    ["worker/go.mod", "go", "1.22", true, 5, undefined],
    ["package.json", "node", "20", true, 6, undefined],
  ])("%s -> %s %s", (path, engine, version, pinned, line, environment) => {
    const result = extract(path);
    expect(result.problems).toEqual([]);
    const uses = result.uses.filter((use) => use.name !== MINIMUM);
    expect(uses).toHaveLength(1);
    expect(uses[0]).toMatchObject({ kind: "runtime", engine, version, pinned, line });
    expect(uses[0]?.environment).toBe(environment);
  });

  it("reads every known tool of .tool-versions, taking the first version", () => {
    const result = extract(".tool-versions");
    expect(result.uses.map(({ engine, version, line }) => [engine, version, line])).toEqual([
      ["node", "20", 2],
      ["python", "3.12", 3],
      ["ruby", "3.3", 4],
      ["go", "1.22", 5],
      ["java", "21", 6],
    ]);
    expect(result.uses.every((use) => use.via === "version-file" && use.pinned)).toBe(true);
  });

  it("a go directive is the minimum language version, not a runtime: a floor", () => {
    const result = extractRuntimeVersions({ path: "go.mod", content: "module x\n\ngo 1.21.5 // minimum\n" });
    expect(result.uses).toEqual([
      expect.objectContaining({
        engine: "go",
        version: "1.21",
        line: 3,
        name: MINIMUM,
        pinned: false,
        raw: "go 1.21.5",
      }),
    ]);
  });

  it("an engines range of several majors names no version that runs, only its floor (>=18.17.0 <23)", () => {
    expect(extract("web/package.json").uses).toEqual([
      expect.objectContaining({ engine: "node", version: "18", name: MINIMUM }),
    ]);
  });

  it.each([
    [">=8.3", "8.3"],
    ["^8.2", "8.2"],
    ["^8.1|^8.2", "8.1"],
    ["~8.2.0 || ^8.3", "8.2"],
    ["*", null],
  ])("composer.json require.php %s is the floor %s", (range, floor) => {
    const content = `{\n  "type": "project",\n  "require": {\n    "php": "${range}"\n  }\n}\n`;
    const uses = extractRuntimeVersions({ path: "composer.json", content }).uses;
    expect(uses).toEqual(
      floor ? [expect.objectContaining({ engine: "php", version: floor, line: 4, name: MINIMUM })] : [],
    );
  });

  it("a single-major engines range is a constraint on one major, not a pin", () => {
    const content = '{ "private": true, "engines": { "node": "^22.11.0" } }';
    expect(extractRuntimeVersions({ path: "package.json", content }).uses).toEqual([
      expect.objectContaining({ engine: "node", version: "22", pinned: false, via: "setting" }),
    ]);
  });

  it("a published library's engines floor is its consumers' constraint: nothing", () => {
    const content = '{ "name": "html-to-react", "main": "index.js", "engines": { "node": "^12.0.0" } }';
    expect(extractRuntimeVersions({ path: "lib/package.json", content }).uses).toEqual([]);
  });

  it("reads mise's [tools] table, the first of several versions, and no other table", () => {
    const result = extract("api/.mise.toml");
    expect(result.uses.map(({ engine, version, line, pinned }) => [engine, version, line, pinned])).toEqual([
      ["node", "22", 5, true],
      ["python", "3.12", 6, true],
      ["go", "1.23", 7, true],
    ]);
  });

  it("reports a broken package.json with its line", () => {
    const result = extractRuntimeVersions({ path: "package.json", content: '{\n  "engines": {\n    "node": 20\n  \n' });
    expect(result.uses).toEqual([]);
    expect(result.problems[0]).toMatchObject({ type: "parse-error", line: 5 });
  });

  it.each(["", "\n\n", "# only a comment\n", "system\n"])("survives .nvmrc %j", (content) => {
    const result = extractRuntimeVersions({ path: ".nvmrc", content });
    expect(result.uses.every((use) => use.version === null)).toBe(true);
  });
});

describe("versions", () => {
  it.each([
    ["lts/iron", "20", true],
    ["lts/hydrogen", "18", true],
    ["lts/*", null, false],
    ["lts/unknown", null, false],
    ["node", null, false],
    ["v22.1.0", "22", true],
    ["18", "18", true],
  ])("node %s -> %s", (text, version, pinned) => {
    expect(nodeVersion(text)).toEqual({ version, pinned });
  });

  it.each([
    ["java", "adoptopenjdk-openj9-11.0.16+101", "11"],
    ["java", "corretto-17.0.10.7.1", "17"],
    ["python", "pypy3.10-7.3.15", null],
    ["go", "go1.22.3", "1.22"],
    ["ruby", "latest", null],
  ])("%s %s -> %s", (engine, text, version) => {
    expect(plainVersion(engine, text).version).toBe(version);
  });

  it.each([
    [">=18.17 <21", null],
    ["^20.10.0", "20"],
    [">=20 <21", "20"],
    ["22.x", "22"],
    ["18.x || 20.x", null],
    [">=20.12 <21 || 22 || 24", null],
    ["20 || 22 || 24", null],
    [">=12", null],
    ["*", null],
    ["not a range", null],
  ])("engines %s -> %s", (range, version) => {
    expect(rangeVersion("node", range)).toEqual({ version, pinned: false });
  });
});
