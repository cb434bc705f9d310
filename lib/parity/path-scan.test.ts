import { describe, expect, it } from "vitest";
import { nameHash, scanPaths } from "./path-scan";

describe("scanPaths", () => {
  it("records first and last characters and lists the paths lower case changes", () => {
    const paths = ["src/index.ts", "Docs/A.md", "", "été/x", "ÉTÉ/y", "a/B", "straße/σ", "λ/Σ", "a-z/0_9.@~"];
    const scan = scanPaths(paths);
    expect([...scan.firstChars]).toEqual(paths.map((path) => path.charCodeAt(0) || 0));
    expect([...scan.lastChars]).toEqual(paths.map((path) => path.charCodeAt(path.length - 1) || 0));
    expect(scan.mixedCase).toEqual(["Docs/A.md", "ÉTÉ/y", "a/B", "λ/Σ"]);
  });

  it("hashes each path's file name as nameHash hashes the name alone", () => {
    const paths = ["src/config.ts", "config.ts", "a/b/", "", "x/Manage.py", "deep/er/manage.py"];
    const scan = scanPaths(paths);
    expect([...scan.nameHashes]).toEqual(["config.ts", "config.ts", "", "", "Manage.py", "manage.py"].map(nameHash));
    expect(nameHash("manage.py")).not.toBe(nameHash("Manage.py"));
  });

  it("is computed once per array, and again when the array grew", () => {
    const paths = ["a/b", "C/d"];
    expect(scanPaths(paths)).toBe(scanPaths(paths));
    paths.push("E/f");
    expect(scanPaths(paths).mixedCase).toEqual(["C/d", "E/f"]);
  });
});
