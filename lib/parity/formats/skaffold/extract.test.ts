import { describe, expect, it } from "vitest";
import { fixtureRepository } from "../../__tests__/support";
import { buildInventory } from "../../inventory/build";
import { FORMATS } from "../index";
import { skaffoldFormat } from "./index";

const ROOT = new URL("./__fixtures__/", import.meta.url);

const { files, ctx } = fixtureRepository(ROOT);

describe("skaffold", () => {
  const result = skaffoldFormat.extract({ path: "skaffold.yaml", content: files.get("skaffold.yaml") ?? "" }, ctx);

  it("names the images it builds: skaffold retags the manifests' references to them", () => {
    expect(result.builtImages).toEqual(["shop-api"]);
  });

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
