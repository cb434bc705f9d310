import { describe, expect, it } from "vitest";
import { fixtureRepository } from "../../__tests__/support";
import { tiltFormat } from "./index";

const ROOT = new URL("./__fixtures__/", import.meta.url);

const { files, ctx } = fixtureRepository(ROOT);

describe("tilt", () => {
  const result = tiltFormat.extract({ path: "dev/Tiltfile", content: files.get("dev/Tiltfile") ?? "" }, ctx);

  it("references the compose files, manifests, charts and kustomizations it deploys, in dev", () => {
    expect(result.references).toEqual([
      { path: "dev/docker-compose.deps.yml", environment: "dev", line: 5 },
      { path: "dev/k8s/postgres.yaml", environment: "dev", line: 7 },
      { path: "dev/k8s/redis.yaml", environment: "dev", line: 7 },
      { path: "deploy/chart/Chart.yaml", environment: "dev", line: 9 },
      { path: "deploy/chart/values.yaml", environment: "dev", line: 9 },
      { path: "deploy/chart/values-local.yaml", environment: "dev", line: 9 },
      { path: "deploy/kustomize/kustomization.yaml", environment: "dev", line: 15 },
      { path: "deploy/kustomize/app.yaml", environment: "dev", line: 15 },
    ]);
    expect(result.providesDevEnvironment).toBe(true);
  });

  it("names the images docker_build builds: Tilt retags the manifests' references to them", () => {
    expect(result.builtImages).toEqual(["shop-api"]);
  });

  it("follows neither comments nor paths computed at run time", () => {
    expect(result.references?.map((r) => r.path)).not.toContain("dev/k8s/ignored.yaml");
  });

  it("a Tiltfile that deploys nothing it names is no dev environment", () => {
    const none = tiltFormat.extract({ path: "Tiltfile", content: "k8s_yaml(local('kustomize build'))\n" }, ctx);
    expect(none).toEqual({ uses: [], references: [], providesDevEnvironment: false, problems: [] });
  });
});
