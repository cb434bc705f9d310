/// <reference types="vite/client" />
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures spell Compose and Dockerfile `${VAR}` syntax literally
import { describe, expect, it } from "vitest";
import { extractDockerfile } from "./extract";

const FILES = import.meta.glob<string>("./__fixtures__/*", { query: "?raw", import: "default", eager: true });

function extract(name: string, path = `docker/${name}`) {
  const content = FILES[`./__fixtures__/${name}`];
  if (content === undefined) throw new Error(`missing fixture ${name}`);
  return extractDockerfile({ path, content });
}

describe("dockerfile", () => {
  it.each([
    // name, engine, version, pinned, line, stage, environment
    ["Dockerfile", "node", "20", true, 17, "runtime", undefined],
    ["Dockerfile.dev", "node", "22", true, 1, "runtime stage", "dev"],
    ["api.Dockerfile", "python", null, true, 5, "runtime stage", undefined],
    ["worker.Dockerfile", "go", "1.22", true, 3, "worker", undefined],
    ["unknown.Dockerfile", "ruby", null, false, 2, "runtime stage", undefined],
  ])("%s runs %s %s", (name, engine, version, pinned, line, stage, environment) => {
    const result = extract(name);
    // Build stages on another runtime version come first (api.Dockerfile builds on python 3.12).
    const runtime = result.uses.filter((use) => !use.name?.startsWith("build stage"));
    expect(runtime).toHaveLength(1);
    expect(runtime[0]).toMatchObject({ kind: "runtime", engine, version, pinned, line, name: stage, via: "image" });
    expect(result.environment).toBe(environment);
    expect(result.problems).toEqual([]);
  });

  it("substitutes ARGs declared before FROM and follows stages back to their image", () => {
    expect(extract("Dockerfile").uses[0]?.raw).toBe("FROM base AS runtime -> node:20-alpine");
  });

  it("reports a build stage's runtime as a build-time runtime when the runtime stage is not a language image", () => {
    expect(extract("frontend.Dockerfile").uses).toMatchObject([
      {
        kind: "runtime",
        engine: "node",
        version: "18",
        line: 2,
        name: "build stage build, copied into the runtime stage",
        raw: "FROM node:18 AS build",
      },
    ]);
  });

  it("names each build stage the runtime stage copies from, with the stages they are built on", () => {
    const content = [
      "FROM node:26-slim AS base",
      "FROM base AS deps",
      "RUN npm ci",
      "FROM node:26-slim AS test",
      "RUN npm test",
      "FROM node:25-slim AS assets",
      "FROM gcr.io/distroless/nodejs22-debian12",
      "COPY --from=deps /app/node_modules node_modules",
    ].join("\n");
    const uses = extractDockerfile({ path: "Dockerfile", content }).uses;
    expect(uses.map(({ version, line, name }) => [version, line, name])).toEqual([
      ["26", 1, "build stage base, copied into the runtime stage"],
      ["25", 6, "build stage assets"],
      ["22", 7, "runtime stage"],
    ]);
  });

  it("builds with the args the dev container that builds it passes", () => {
    const files = new Map([
      [".devcontainer/devcontainer.json", '{ "build": { "dockerfile": "Dockerfile", "args": { "VARIANT": "21" } } }'],
    ]);
    const ctx = { paths: [...files.keys()], readFile: (path: string) => files.get(path) };
    const content = 'ARG VARIANT="17"\nFROM mcr.microsoft.com/vscode/devcontainers/java:0-${VARIANT}\n';
    const [use] = extractDockerfile({ path: ".devcontainer/Dockerfile", content }, ctx).uses;
    expect(use).toMatchObject({ engine: "java", version: "21", line: 2 });
    expect(use?.raw).toContain("(build args from .devcontainer/devcontainer.json)");
  });

  it.each([
    ["Dockerfile.test", "test"],
    ["ci.Dockerfile", "ci"],
    ["Dockerfile.production", undefined],
  ])("classifies %s as %s by its name", (path, environment) => {
    const result = extractDockerfile({ path, content: "FROM node:20\n" });
    expect(result.environment).toBe(environment);
  });

  it("reports a file without FROM and skips BuildKit ignore files", () => {
    expect(extractDockerfile({ path: "Dockerfile", content: "RUN echo hi\n" }).problems).toEqual([
      { type: "parse-error", line: 1, message: "no FROM instruction" },
    ]);
    expect(extractDockerfile({ path: "Dockerfile.dockerignore", content: "node_modules\n" })).toEqual({
      uses: [],
      problems: [],
    });
  });

  it.each(["", "FROM", "FROM scratch\n", "FROM ${X}\n", "FROM a AS a\nFROM a\n"])("survives %j", (content) => {
    expect(() => extractDockerfile({ path: "Dockerfile", content })).not.toThrow();
  });
});
