import { describe, expect, it } from "vitest";
import { scanPaths } from "./path-scan";

describe("scanPaths", () => {
  it("records first and last characters and lists the paths lower case changes", () => {
    const paths = ["src/index.ts", "Docs/A.md", "", "été/x", "ÉTÉ/y", "a/B", "straße/σ", "λ/Σ", "a-z/0_9.@~"];
    const scan = scanPaths(paths);
    expect([...scan.firstChars]).toEqual(paths.map((path) => path.charCodeAt(0) || 0));
    expect([...scan.lastChars]).toEqual(paths.map((path) => path.charCodeAt(path.length - 1) || 0));
    expect(scan.mixedCase).toEqual(["Docs/A.md", "ÉTÉ/y", "a/B", "λ/Σ"]);
  });

  it("is computed once per array, and again when the array grew", () => {
    const paths = ["a/b", "C/d"];
    expect(scanPaths(paths)).toBe(scanPaths(paths));
    paths.push("E/f");
    expect(scanPaths(paths).mixedCase).toEqual(["C/d", "E/f"]);
  });
});
