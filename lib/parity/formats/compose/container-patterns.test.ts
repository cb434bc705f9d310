import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import type { Format } from "../../types";
import { devcontainerFormat } from "../devcontainer";
import { dockerfileFormat } from "../dockerfile";
import { envFileFormat } from "../env-file";
import { runtimeVersionsFormat } from "../runtime-versions";
import { composeFormat } from ".";

const FORMATS: Record<string, Format> = {
  compose: composeFormat,
  dockerfile: dockerfileFormat,
  "env-file": envFileFormat,
  "runtime-versions": runtimeVersionsFormat,
  devcontainer: devcontainerFormat,
};

function claims(id: string, path: string): boolean {
  const format = FORMATS[id];
  return format !== undefined && picomatch([...format.patterns], { dot: true })(path);
}

describe("container and dev-environment format patterns", () => {
  it.each([
    ["compose", "docker-compose.yml", true],
    ["compose", "deploy/docker-compose.prod.yaml", true],
    ["compose", "compose.yaml", true],
    ["compose", "docker-compose.override.yml", true],
    ["compose", "ops/compose.dev.yml", true],
    ["compose", ".github/workflows/ci.yml", false],
    ["dockerfile", "Dockerfile", true],
    ["dockerfile", "services/api/Dockerfile.dev", true],
    ["dockerfile", "docker/api.Dockerfile", true],
    ["dockerfile", "Dockerfile-old.txt", false],
    ["env-file", ".env.example", true],
    ["env-file", "apps/web/.env.production", true],
    ["env-file", ".env", true],
    ["env-file", ".envrc", false],
    ["runtime-versions", ".nvmrc", true],
    ["runtime-versions", "apps/web/package.json", true],
    ["runtime-versions", "services/worker/go.mod", true],
    ["runtime-versions", ".tool-versions", true],
    ["runtime-versions", "runtime.txt", true],
    ["devcontainer", ".devcontainer/devcontainer.json", true],
    ["devcontainer", ".devcontainer/api/devcontainer.json", true],
    ["devcontainer", ".devcontainer.json", true],
    ["devcontainer", "devcontainer.json", false],
  ])("%s claims %s: %s", (id, path, expected) => {
    expect(claims(id, path)).toBe(expected);
  });

  it.each([composeFormat, dockerfileFormat, envFileFormat, runtimeVersionsFormat, devcontainerFormat])(
    "$id never throws out of extract",
    (format) => {
      const hostile = {
        paths: ["x"],
        readFile: () => {
          throw new Error("boom");
        },
      };
      const result = format.extract(
        { path: format.patterns[0]?.replace("**/", "") ?? "x", content: "services:\n  a:\n    extends: a\n" },
        hostile,
      );
      expect(Array.isArray(result.uses)).toBe(true);
    },
  );
});
