import { describe, expect, it } from "vitest";
import type { ExtractContext } from "../../types";
import { runnersOf } from "./runners";

const COMPOSE = "services:\n  db:\n    image: postgres:16\n";
const MAKEFILE = "up:\n\tdocker compose up -d\n";
/** Package manifests that run nothing: each one is a runner source that says nothing. */
const PACKAGES = Array.from({ length: 400 }, (_, i) => `packages/pkg-${i}/package.json`);

function repo(paths: string[]): ExtractContext {
  const contents = new Map<string, string>([
    ["docker-compose.yml", COMPOSE],
    ["Makefile", MAKEFILE],
    ...PACKAGES.map((path): [string, string] => [path, '{ "name": "pkg" }']),
  ]);
  return { paths, readFile: (path) => contents.get(path), repository: "acme/monorepo" };
}

describe("compose runners: which files are read", () => {
  // At most 400 runner files are read, the first ones of the tree whatever their kind.
  it.each<[string, string[], number]>([
    ["a Makefile listed before 400 package manifests is read", ["Makefile", ...PACKAGES, "docker-compose.yml"], 1],
    ["a Makefile listed after 400 package manifests is not", [...PACKAGES, "Makefile", "docker-compose.yml"], 0],
    ["source files around it change nothing", ["src/a.ts", "Makefile", "src/b.ts", "docker-compose.yml"], 1],
  ])("%s", (_name, paths, expected) => {
    const runners = runnersOf("docker-compose.yml", repo(paths));
    expect(runners).toHaveLength(expected);
    if (expected > 0) expect(runners[0]).toMatchObject({ file: "Makefile", how: "make up" });
  });
});
