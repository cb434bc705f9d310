import { describe, expect, it } from "vitest";
import type { ExtractContext } from "../../types";
import { manifestFiles } from "./targets";

const PATHS = [
  "k8s/web.yaml",
  "k8s/README.md",
  "k8s/db.yml",
  "k8s/nested/cache.yaml",
  "k8s/web.yaml.bak",
  "src/k8s.ts",
  "k8s/api.yaml",
];

function repo(paths: readonly string[]): ExtractContext {
  return { paths: [...paths], readFile: () => undefined, repository: "acme/shop" };
}

describe("skaffold/Tilt manifest globs", () => {
  it.each<[string, string, string, string[]]>([
    ["a glob, YAML files only, in tree order", "", "k8s/*.yaml", ["k8s/web.yaml", "k8s/api.yaml"]],
    ["both YAML extensions", "", "k8s/*", ["k8s/web.yaml", "k8s/db.yml", "k8s/api.yaml"]],
    ["a glob relative to the file's directory", "k8s", "nested/*.yaml", ["k8s/nested/cache.yaml"]],
    ["a plain path that exists", "", "./k8s/db.yml", ["k8s/db.yml"]],
    ["a plain path that does not", "", "k8s/gone.yaml", []],
  ])("%s", (_name, dir, pattern, expected) => {
    expect(manifestFiles(dir, pattern, repo(PATHS))).toEqual(expected);
  });
});
