/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { extractDevcontainer } from "./extract";
import { resolveDevImage } from "./images";

const FILES = import.meta.glob<string>(["./__fixtures__/**/*", "./__fixtures__/**/.*", "./__fixtures__/**/.*/**/*"], {
  query: "?raw",
  import: "default",
  eager: true,
});

function extract(fixture: string, path: string) {
  const content = FILES[`./__fixtures__/${fixture}/${path}`];
  if (content === undefined) throw new Error(`missing fixture ${fixture}/${path}`);
  return extractDevcontainer({ path, content });
}

describe("devcontainer: compose-based, JSONC with comments and trailing commas", () => {
  const result = extract("shop", ".devcontainer/devcontainer.json");

  it("parses without problems and is a dev environment", () => {
    expect(result.problems).toEqual([]);
    expect(result.environment).toBe("dev");
    expect(result.providesDevEnvironment).toBe(true);
  });

  it("pulls in the compose files as dev references, relative to the .devcontainer folder", () => {
    expect(result.references).toEqual([
      { path: "docker-compose.yml", environment: "dev", line: 5 },
      { path: ".devcontainer/docker-compose.devcontainer.yml", environment: "dev", line: 5 },
    ]);
  });

  it("reads feature versions, skipping features set to none", () => {
    expect(
      result.uses.map(({ kind, engine, version, pinned, line, via }) => ({ kind, engine, version, pinned, line, via })),
    ).toEqual([
      { kind: "runtime", engine: "node", version: "20", pinned: true, line: 10, via: "feature" },
      { kind: "runtime", engine: "python", version: "3.12", pinned: true, line: 12, via: "feature" },
      { kind: "cache", engine: "redis", version: null, pinned: false, line: 14, via: "feature" },
      { kind: "database", engine: "postgres", version: null, pinned: null, line: 18, via: "url" },
    ]);
    expect(result.uses.at(-1)?.raw).toBe("DATABASE_URL=postgres://shop:***@db:5432/shop_dev");
  });
});

describe("devcontainer: other shapes", () => {
  it("references the build Dockerfile and reads service features", () => {
    const result = extract("multi", ".devcontainer/api/devcontainer.json");
    expect(result.references).toEqual([{ path: ".devcontainer/api/Dockerfile", environment: "dev", line: 4 }]);
    expect(result.uses.map(({ engine, version, pinned, line }) => [engine, version, pinned, line])).toEqual([
      ["postgres", "16", true, 9],
      ["go", null, false, 11],
    ]);
  });

  it("reads the runtime of a dev container image", () => {
    const result = extract("single", ".devcontainer.json");
    expect(result.uses).toEqual([
      {
        kind: "runtime",
        engine: "node",
        version: "20",
        pinned: true,
        line: 3,
        raw: '"image": "mcr.microsoft.com/devcontainers/typescript-node:1-20-bookworm"',
        via: "image",
      },
    ]);
  });

  it("reports a parse error with its line and still answers", () => {
    const result = extractDevcontainer({ path: ".devcontainer.json", content: '{\n  "image": "node:20"\n  "x": 1\n}' });
    expect(result.problems[0]).toMatchObject({ type: "parse-error", line: 3 });
    expect(result.uses[0]).toMatchObject({ engine: "node", version: "20" });
  });

  it.each(["", "[]", "null", "{", '{"features": 3, "image": 4}'])("survives %j", (content) => {
    expect(() => extractDevcontainer({ path: ".devcontainer.json", content })).not.toThrow();
  });
});

describe("resolveDevImage", () => {
  it.each([
    ["mcr.microsoft.com/devcontainers/typescript-node:1-20-bookworm", "node", "20", true],
    ["mcr.microsoft.com/devcontainers/javascript-node:18", "node", "18", true],
    ["mcr.microsoft.com/devcontainers/typescript-node:1", "node", null, false],
    ["mcr.microsoft.com/devcontainers/python:1-3.12-bullseye", "python", "3.12", true],
    ["mcr.microsoft.com/vscode/devcontainers/python:0-3.10", "python", "3.10", true],
    ["mcr.microsoft.com/devcontainers/go:1.22", "go", "1.22", true],
    ["mcr.microsoft.com/devcontainers/java:1-21-bookworm", "java", "21", true],
    ["mcr.microsoft.com/devcontainers/rust:1", "rust", null, false],
    ["mcr.microsoft.com/devcontainers/ruby", "ruby", null, false],
    ["python:3.11-slim", "python", "3.11", true],
  ])("%s -> %s %s", (ref, engine, version, pinned) => {
    expect(resolveDevImage(ref)).toMatchObject({ kind: "runtime", engine, version, pinned });
  });

  it("knows no runtime in the universal and base images", () => {
    expect(resolveDevImage("mcr.microsoft.com/devcontainers/universal:2")).toBeNull();
    expect(resolveDevImage("mcr.microsoft.com/devcontainers/base:bookworm")).toBeNull();
  });
});

describe("devcontainer: build args", () => {
  const devcontainer = [
    "{",
    '  "build": {',
    '    "dockerfile": "Dockerfile",',
    '    "args": {',
    '      "VARIANT": "21-bookworm", // the Java version',
    '      "NODE_VERSION": "24.1.0",',
    '      "PYTHON_VERSION": "none"',
    "    }",
    "  }",
    "}",
  ].join("\n");
  const dockerfile =
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile ARG reference, not JavaScript
    'ARG VARIANT=17\nFROM mcr.microsoft.com/vscode/devcontainers/java:1-${VARIANT}\nARG NODE_VERSION="none"\n';
  const files = new Map([[".devcontainer/Dockerfile", dockerfile]]);
  const ctx = { paths: [...files.keys()], readFile: (path: string) => files.get(path) };

  it("resolves the image the args choose through the Dockerfile, and reads NODE_VERSION-style args", () => {
    const result = extractDevcontainer({ path: ".devcontainer/devcontainer.json", content: devcontainer }, ctx);
    expect(result.uses.map(({ engine, version, line }) => [engine, version, line])).toEqual([
      ["java", "21", 5],
      ["node", "24", 6],
    ]);
  });

  it("without the Dockerfile, reads only the version args", () => {
    const result = extractDevcontainer({ path: ".devcontainer/devcontainer.json", content: devcontainer });
    expect(result.uses.map(({ engine, version }) => [engine, version])).toEqual([["node", "24"]]);
  });
});
