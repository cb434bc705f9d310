import { describe, expect, it } from "vitest";
import type { Inventory } from "../types";
import { applyReferences, normalizePath } from "./references";

describe("normalizePath", () => {
  it.each([
    ["services/api/docker-compose.yml", "services/api/docker-compose.yml"],
    [".github/workflows/ci.yml", ".github/workflows/ci.yml"],
    ["a/.env", "a/.env"],
    ["a/..b/c..", "a/..b/c.."],
    ["a/.../b", "a/.../b"],
    ["./a", "a"],
    ["a/./b", "a/b"],
    ["a/../b", "b"],
    ["../a", "a"],
    ["a/b/..", "a"],
    ["a//b", "a/b"],
    ["/a/", "a"],
    ["a\\b\\c.yml", "a/b/c.yml"],
    ["", ""],
    [".", ""],
  ])("%j -> %j", (path, expected) => {
    expect(normalizePath(path)).toBe(expected);
  });
});

describe("applyReferences: deployed images", () => {
  it("places a started file's images in the referencing environment too, once", () => {
    const inventory: Inventory = {
      uses: [],
      files: [{ path: "docker-compose.yml", format: "compose", environments: ["dev"] }],
      envKeys: [],
      literals: [],
      deployJobs: [],
      devEnvironmentFiles: [],
      problems: [],
      paths: [],
      images: [
        {
          ref: "adminer",
          line: 4,
          tag: "floating",
          own: false,
          file: "docker-compose.yml",
          format: "compose",
          environment: "dev",
        },
      ],
    };
    const reference = {
      from: ".github/workflows/e2e.yml",
      path: "./docker-compose.yml",
      environment: "ci" as const,
      line: 9,
    };
    applyReferences({ placed: [], inventory }, [reference, reference], () => false);
    expect(inventory.images?.map((image) => [image.environment, image.file, image.line])).toEqual([
      ["dev", "docker-compose.yml", 4],
      ["ci", "docker-compose.yml", 4],
    ]);
  });
});
