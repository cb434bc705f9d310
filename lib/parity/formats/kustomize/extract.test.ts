import { readdirSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExtractContext, ExtractResult } from "../../types";
import { kubernetesFormat } from "../kubernetes";
import { kustomizeFormat } from "./index";

const ROOT = new URL("./__fixtures__/", import.meta.url);

/** The fixture folder as a repository snapshot. */
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

function extract(path: string): ExtractResult {
  return kustomizeFormat.extract({ path, content: files.get(path) ?? "" }, ctx);
}

function summary(result: ExtractResult) {
  return result.uses.map((u) => [u.engine, u.version, u.pinned, u.line, u.environment, u.name]);
}

describe("kustomize overlays", () => {
  it("production bumps redis at its newTag line and inherits the base's postgres override", () => {
    const result = extract("k8s/overlays/production/kustomization.yaml");
    expect(result.environment).toBe("prod");
    expect(summary(result)).toEqual([
      ["rabbitmq", null, null, 5, "prod", "api"],
      ["redis", "7", true, 11, "prod", "redis"],
      ["postgres", "15", true, 5, "prod", "postgres"],
    ]);
    expect(result.uses[1]?.raw).toBe("image: redis:7.2.4-alpine (k8s/base/redis.yaml)");
    expect(result.problems).toEqual([]);
  });

  it("staging renames postgres to postgis 16 and keeps the base redis", () => {
    const result = extract("k8s/overlays/staging/kustomization.yaml");
    expect(summary(result)).toEqual([
      ["rabbitmq", null, null, 2, "staging", "api"],
      ["redis", "7", true, 2, "staging", "redis"],
      ["postgres", "16", true, 6, "staging", "postgres"],
    ]);
  });

  it("a base that overlays pull in reports nothing itself", () => {
    expect(extract("k8s/base/kustomization.yaml")).toEqual({ uses: [], problems: [] });
  });

  it("the base manifests leave their images to the overlays", () => {
    const result = kubernetesFormat.extract(
      { path: "k8s/base/redis.yaml", content: files.get("k8s/base/redis.yaml") ?? "" },
      ctx,
    );
    expect(result.uses).toEqual([]);
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
