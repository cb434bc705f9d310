import { describe, expect, it } from "vitest";
import type { Format } from "../types";
import { claimedPaths, formatsFor } from "./registry";

const noop = () => ({ uses: [], problems: [] });
const compose: Format = {
  id: "compose",
  title: "Compose",
  patterns: ["**/{docker-,}compose*.{yml,yaml}"],
  reads: ["**/.env"],
  extract: noop,
};
const devcontainer: Format = {
  id: "devcontainer",
  title: "Dev container",
  patterns: [".devcontainer/**/*.json", "**/.devcontainer.json"],
  extract: noop,
};
const formats = [compose, devcontainer];

const PATHS = [
  "README.md",
  "docker-compose.yml",
  "services/api/compose.yaml",
  ".env",
  "services/api/.env",
  ".devcontainer/devcontainer.json",
  ".devcontainer.json",
  "src/index.ts",
  ".parity.yml",
];

describe("claimedPaths", () => {
  it("keeps the paths a format extracts or reads, dotfiles included, plus .parity.yml", () => {
    expect(claimedPaths(PATHS, formats)).toEqual([
      "docker-compose.yml",
      "services/api/compose.yaml",
      ".env",
      "services/api/.env",
      ".devcontainer/devcontainer.json",
      ".devcontainer.json",
      ".parity.yml",
    ]);
  });

  it("claims nothing but the config with no formats", () => {
    expect(claimedPaths(PATHS, [])).toEqual([".parity.yml"]);
  });
});

describe("formatsFor", () => {
  it.each([
    ["docker-compose.yml", ["compose"]],
    [".devcontainer/devcontainer.json", ["devcontainer"]],
    [".env", []],
    ["src/index.ts", []],
  ])("%s -> %j", (path, ids) => {
    expect(formatsFor(path, formats).map((format) => format.id)).toEqual(ids);
  });
});
