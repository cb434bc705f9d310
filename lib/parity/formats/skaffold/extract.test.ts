import { readdirSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildInventory } from "../../inventory/build";
import type { ExtractContext } from "../../types";
import { FORMATS } from "../index";
import { skaffoldFormat } from "./index";

const ROOT = new URL("./__fixtures__/", import.meta.url);

function loadTree(dir = "", files = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(new URL(dir, ROOT))) {
    const path = `${dir}${name}`;
    if (statSync(new URL(path, ROOT)).isDirectory()) loadTree(`${path}/`, files);
    else files.set(path, readFileSync(new URL(path, ROOT), "utf8"));
  }
  return files;
}

const files = loadTree();
const ctx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };

describe("skaffold", () => {
  const result = skaffoldFormat.extract({ path: "skaffold.yaml", content: files.get("skaffold.yaml") ?? "" }, ctx);

  it("references what the default pipelines and dev-named profiles deploy, in dev", () => {
    expect(result.references).toEqual([
      { path: "k8s/apps/redis.yaml", environment: "dev", line: 11 },
      { path: "k8s/base/kustomization.yaml", environment: "dev", line: 14 },
      { path: "k8s/base/api.yaml", environment: "dev", line: 14 },
      { path: "k8s/local-tools.yaml", environment: "dev", line: 29 },
      { path: "charts/shop/Chart.yaml", environment: "dev", line: 39 },
      { path: "charts/shop/values.yaml", environment: "dev", line: 39 },
      { path: "charts/shop/values-dev.yaml", environment: "dev", line: 39 },
    ]);
    expect(result.providesDevEnvironment).toBe(true);
  });

  it("does not follow a prod profile", () => {
    expect(result.references?.map((r) => r.path)).not.toContain("charts/shop/values-prod.yaml");
  });

  it("makes the Redis its manifests deploy a dev fact, while the file stays prod", () => {
    const inventory = buildInventory(
      { repository: "acme/shop", defaultBranch: "main", commit: "abc", paths: [...files.keys()], files },
      null,
      FORMATS,
    );
    const redis = inventory.uses.filter((use) => use.engine === "redis");
    expect(redis.map((use) => [use.environment, use.file, use.line])).toEqual([
      ["dev", "k8s/apps/redis.yaml", 10],
      ["prod", "k8s/apps/redis.yaml", 10],
    ]);
    expect(inventory.devEnvironmentFiles).toContain("skaffold.yaml");
  });

  it("is silent about YAML that is not a skaffold config", () => {
    expect(skaffoldFormat.extract({ path: "skaffold.yaml", content: "a: [\n" }, ctx)).toEqual({
      uses: [],
      problems: [],
    });
  });
});
