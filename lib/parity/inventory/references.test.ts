import { describe, expect, it } from "vitest";
import { normalizePath } from "./references";

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
