import { describe, expect, it } from "vitest";
import { pathIndex } from "./path-index";

const PATHS = [
  "charts/web/values.yaml",
  "charts/web/Chart.yaml",
  "deploy/base/Kustomization",
  "deploy/prod/kustomization.yml",
  "src/index.ts",
  "src/values.ts",
  "apps/api/artisan",
  "artisan.md",
  "charts/web/values-staging.yml",
];

describe("pathIndex", () => {
  it.each([
    ["apps/api/artisan", true],
    ["artisan", false],
    ["charts/web/Chart.yaml", true],
    ["charts/api/Chart.yaml", false],
    ["src/index.ts", true],
  ])("has(%s) is %s", (path, expected) => {
    expect(pathIndex([...PATHS]).has(path)).toBe(expected);
  });

  it("answers has() for many names once it falls back to a Set of every path", () => {
    const index = pathIndex([...PATHS]);
    const names = ["a/x", "a/y", "a/z", "a/w", "a/v"];
    for (const name of names) expect(index.has(name)).toBe(false);
    expect(index.has("src/values.ts")).toBe(true);
  });

  it("selects the paths ending in a suffix at a folder boundary, in snapshot order", () => {
    const paths = [
      "config.ts",
      "apps/web/config.ts",
      "apps/web/myconfig.ts",
      "apps/web/config.tsx",
      "env/index.ts",
      "src/index.ts",
      "apps/api/config/index.ts",
      "apps/api/xconfig/index.ts",
      "apps/Config.ts",
    ];
    const selected = pathIndex(paths).selectEndingIn("code", ["config.ts", "env/index.ts", "config/index.ts"]);
    expect(selected).toEqual(["config.ts", "apps/web/config.ts", "env/index.ts", "apps/api/config/index.ts"]);
    expect(pathIndex(paths).selectEndingIn("code", [])).toBe(selected);
  });

  it("selects with a last-character hint the same paths as without, grouped by last character", () => {
    const isYaml = (path: string) => /\.ya?ml$/.test(path) || path.endsWith("Kustomization");
    const unhinted = pathIndex([...PATHS]).select("yaml", isYaml);
    const hinted = pathIndex([...PATHS]).select("yaml", isYaml, "ln");
    expect([...hinted].sort()).toEqual([...unhinted].sort());
    expect(hinted).toEqual([
      "charts/web/values.yaml",
      "charts/web/Chart.yaml",
      "deploy/prod/kustomization.yml",
      "charts/web/values-staging.yml",
      "deploy/base/Kustomization",
    ]);
  });

  it("tests only paths ending in a hinted character", () => {
    const tested: string[] = [];
    pathIndex([...PATHS]).select(
      "values",
      (path) => {
        tested.push(path);
        return path.includes("values");
      },
      "l",
    );
    expect(tested.every((path) => path.endsWith("l"))).toBe(true);
    expect(tested).toHaveLength(4);
  });

  it("selects in snapshot order across hinted characters, testing only paths ending in one", () => {
    const tested: string[] = [];
    const selected = pathIndex([...PATHS]).selectInOrder(
      "yaml-or-md",
      (path) => {
        tested.push(path);
        return /\.(ya?ml|md)$/.test(path);
      },
      "ld",
    );
    expect(selected).toEqual([
      "charts/web/values.yaml",
      "charts/web/Chart.yaml",
      "deploy/prod/kustomization.yml",
      "artisan.md",
      "charts/web/values-staging.yml",
    ]);
    expect(tested.every((path) => path.endsWith("l") || path.endsWith("d"))).toBe(true);
  });

  it("groups a hinted selection by directory", () => {
    const groups = pathIndex([...PATHS]).selectByDirectory("values", (path) => path.includes("/values"), "l");
    expect(groups.get("charts/web")).toEqual(["charts/web/values.yaml", "charts/web/values-staging.yml"]);
  });
});
