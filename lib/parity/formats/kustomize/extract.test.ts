import { describe, expect, it } from "vitest";
import { fixtureRepository } from "../../__tests__/support";
import type { ExtractContext, ExtractResult } from "../../types";
import { kubernetesFormat } from "../kubernetes";
import { kustomizeFormat } from "./index";

const ROOT = new URL("./__fixtures__/", import.meta.url);

const { files, ctx } = fixtureRepository(ROOT);

function extract(path: string): ExtractResult {
  return kustomizeFormat.extract({ path, content: files.get(path) ?? "" }, ctx);
}

function summary(result: ExtractResult) {
  return result.uses.map((u) => [u.engine, u.version, u.pinned, u.line, u.environment, u.name]);
}

function manifest(path: string): ExtractResult {
  return kubernetesFormat.extract({ path, content: files.get(path) ?? "" }, ctx);
}

describe("kustomize overlays", () => {
  it("production reports the images it changes: redis at its newTag line, the base's postgres override", () => {
    const result = extract("k8s/overlays/production/kustomization.yaml");
    expect(result.environment).toBe("prod");
    expect(summary(result)).toEqual([
      ["redis", "7", true, 11, "prod", "redis"],
      ["postgres", "15", true, 5, "prod", "postgres"],
    ]);
    expect(result.uses[0]?.raw).toBe("image: redis:7.2.4-alpine (k8s/base/redis.yaml)");
    expect(result.problems).toEqual([]);
  });

  it("staging renames postgres to postgis 16", () => {
    const result = extract("k8s/overlays/staging/kustomization.yaml");
    expect(summary(result)).toEqual([["postgres", "16", true, 6, "staging", "postgres"]]);
  });

  it("a base that overlays pull in reports nothing itself", () => {
    expect(extract("k8s/base/kustomization.yaml")).toEqual({ uses: [], problems: [] });
    expect(extract("k8s/components/managed-redis/kustomization.yaml")).toEqual({ uses: [], problems: [] });
  });

  it("a base manifest reports its untouched image at its own line, in each overlay that keeps it", () => {
    // production overrides redis, dev's component deletes it (`$patch: delete`): staging only.
    expect(summary(manifest("k8s/base/redis.yaml"))).toEqual([["redis", "7", true, 10, "staging", "redis"]]);
    // The API's queue URL is no kustomization's business: every overlay runs it.
    expect(summary(manifest("k8s/base/api.yaml"))).toEqual([
      ["rabbitmq", null, null, 13, "dev", "api"],
      ["rabbitmq", null, null, 13, "prod", "api"],
      ["rabbitmq", null, null, 13, "staging", "api"],
    ]);
    // The base's own override (postgres 15.6) makes the overlays report it.
    expect(manifest("k8s/base/postgres.yaml").uses).toEqual([]);
  });

  it("an overlay whose component deletes a workload renders without it", () => {
    const result = extract("k8s/overlays/dev/kustomization.yaml");
    expect(summary(result)).toEqual([["postgres", "15", true, 4, undefined, "postgres"]]);
  });
});

describe("kustomize without overlays", () => {
  const flat = new Map([
    [
      "deploy/kustomization.yaml",
      "resources:\n  - redis.yaml\nimages:\n  - name: redis\n    digest: sha256:0123abcd\n",
    ],
    ["deploy/redis.yaml", files.get("k8s/base/redis.yaml") ?? ""],
  ]);
  const flatCtx: ExtractContext = { paths: [...flat.keys()], readFile: (path) => flat.get(path) };

  it("reports only the images it overrides (the manifests report the rest)", () => {
    const result = kustomizeFormat.extract(
      { path: "deploy/kustomization.yaml", content: flat.get("deploy/kustomization.yaml") ?? "" },
      flatCtx,
    );
    expect(summary(result)).toEqual([["redis", null, true, 5, undefined, "redis"]]);
  });

  it.each([
    ["not yaml", "resources: [\n"],
    ["missing resources", "resources:\n  - nowhere.yaml\n  - ../../../outside\n  - github.com/acme/base?ref=v1\n"],
    ["odd shapes", "resources: 3\nimages: {name: redis}\n"],
    ["a cycle", "resources:\n  - ../deploy\n"],
  ])("never throws on %s", (_label, content) => {
    const result = kustomizeFormat.extract({ path: "deploy/kustomization.yaml", content }, flatCtx);
    expect(result.uses).toEqual([]);
  });
});
