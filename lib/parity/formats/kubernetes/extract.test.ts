import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExtractContext, ExtractResult } from "../../types";
import { formatsFor } from "../registry";
import { kubernetesFormat } from "./index";

function fixture(path: string): string {
  return readFileSync(new URL(`./__fixtures__/${path}`, import.meta.url), "utf8");
}

function context(files: Record<string, string> = {}): ExtractContext {
  const all = new Map(Object.entries(files));
  return { paths: [...all.keys()], readFile: (path) => all.get(path) };
}

function extract(path: string, ctx = context()): ExtractResult {
  return kubernetesFormat.extract({ path, content: fixture(path) }, ctx);
}

describe("kubernetes: multi-document manifest", () => {
  const result = extract("k8s/app.yaml");

  it("says the file runs the application when it runs the repository's own image", () => {
    expect(extract("k8s/app.yaml", { ...context(), repository: "acme/shop" }).runsApp).toBe(true);
    expect(extract("k8s/app.yaml", { ...context(), repository: "initech/billing" }).runsApp).toBeUndefined();
    expect(result.runsApp).toBeUndefined();
  });

  it("records each container's image, its tag and whether it is the app's own", () => {
    const own = extract("k8s/app.yaml", { ...context(), repository: "acme/shop" });
    expect(own.images?.map((image) => [image.ref, image.line, image.tag, image.own, image.name])).toEqual([
      ["ghcr.io/acme/shop-api:2.4.1", 20, "pinned", true, "shop-api"],
      ["ghcr.io/acme/shop-api:2.4.1", 24, "pinned", true, "shop-api"],
      ["postgres:16", 57, "pinned", false, "shop-db"],
    ]);
  });

  it("reports the StatefulSet's postgres, not the app's own image", () => {
    const images = result.uses.filter((u) => u.via === "image");
    expect(images).toEqual([
      {
        kind: "database",
        engine: "postgres",
        version: "16",
        pinned: true,
        line: 57,
        raw: "image: postgres:16",
        via: "image",
        name: "shop-db",
      },
    ]);
  });

  it.each([
    ["postgres", 29, "DATABASE_URL: postgres://shop:***@shop-db:5432/shop", "shop-api"],
    ["redis", 91, "CACHE_URL: redis://shop-cache:6379/1", "shop-config"],
  ])("reads the %s connection URL at line %i", (engine, line, raw, name) => {
    expect(result.uses).toContainEqual({
      kind: expect.any(String),
      engine,
      version: null,
      pinned: null,
      line,
      raw,
      via: "url",
      name,
    });
  });

  it("reads secretKeyRef env vars as keys prod reads", () => {
    expect(result.envKeys).toEqual([
      { key: "REDIS_URL", line: 30, role: "reads" },
      { key: "POSTGRES_PASSWORD", line: 59, role: "reads" },
    ]);
  });

  it("records literal credentials, redacted", () => {
    expect(result.literals).toEqual([
      { key: "DATABASE_URL", line: 29, value: "postgres://shop:***@shop-db:5432/shop" },
      { key: "STRIPE_SECRET_KEY", line: 36, value: "***" },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/hunter2|sk_live/);
  });

  it("places the file, not each use, so a dev loop that starts it can place it in dev too", () => {
    expect(result.environment).toBe("prod");
    expect(result.uses.every((use) => use.environment === undefined)).toBe(true);
    expect(result.problems).toEqual([]);
  });
});

describe("kubernetes: other workloads and paths", () => {
  it("reads CronJob containers through jobTemplate", () => {
    const result = extract("k8s/cronjob.yaml");
    expect(result.uses.map((u) => [u.kind, u.engine, u.version, u.pinned, u.line, u.name])).toEqual([
      ["runtime", "python", "3.12", true, 14, "nightly-report"],
      ["cache", "redis", "7", true, 17, "nightly-report"],
    ]);
  });

  it("takes the environment from a production folder and redacts committed Secrets", () => {
    const result = extract("k8s/production/search.yaml");
    expect(result.environment).toBe("prod");
    expect(result.uses).toMatchObject([{ engine: "elasticsearch", version: "8", line: 10 }]);
    expect(result.literals).toEqual([{ key: "ELASTIC_PASSWORD", line: 18, value: "***" }]);
  });

  it.each([
    ["overlays/staging/patch.yaml", "staging"],
    ["k8s/stage/app.yaml", "staging"],
    ["deploy/prod-eu/app.yaml", "prod"],
    ["k8s/base/app.yaml", "prod"],
    // Recognised by content outside the usual deploy folders: deployed as is, so prod...
    ["k8s-specifications/db-deployment.yaml", "prod"],
    ["release/kubernetes-manifests.yaml", "prod"],
    // ...unless a word of the path names another environment.
    ["kustomize/tests/with-all-components/app.yaml", "test"],
    ["deploy/local/app.yaml", "dev"],
  ])("%s is %s", (path, environment) => {
    const result = kubernetesFormat.extract({ path, content: fixture("k8s/cronjob.yaml") }, context());
    expect(result.environment).toBe(environment);
  });

  it("returns nothing for YAML that is not Kubernetes", () => {
    expect(extract("k8s/docker-compose.yml")).toEqual({ uses: [], problems: [] });
  });

  it("leaves Helm templates to helm: no uses, no parse error, no skip note per template", () => {
    const result = extract("deploy/chart/templates/deployment.yaml");
    expect(result).toEqual({ uses: [], problems: [] });
    const inline = "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: {{ .Values.a | quote }}\n  b: [\n";
    expect(kubernetesFormat.extract({ path: "charts/app/extra.yaml", content: inline }, context())).toEqual({
      uses: [],
      problems: [],
    });
  });

  it.each([
    ["k8s-specifications/db-deployment.yaml", true],
    ["kubernetes-manifests/cartservice.yaml", true],
    ["release/kubernetes-manifests.yaml", true],
    ["deploy/app.yml", true],
    ["helm-chart/templates/deployment.yaml", true],
    ["kustomize/base/cartservice.yaml", true],
    ["src/config/settings.yaml", false],
    ["docker-compose.yml", false],
  ])("claims %s: %s", (path, claimed) => {
    expect(formatsFor(path, [kubernetesFormat]).length > 0).toBe(claimed);
  });

  it("gives nothing, without parsing, for YAML that names no apiVersion and kind", () => {
    const result = kubernetesFormat.extract(
      { path: ".github/workflows/release.yml", content: "on: push\njobs: [\n" },
      context(),
    );
    expect(result).toEqual({ uses: [], problems: [] });
  });

  it("reports a broken manifest with its line and keeps the documents that parse", () => {
    const content = `${fixture("k8s/cronjob.yaml")}---\napiVersion: v1\nkind: Pod\nspec: [\n`;
    const result = kubernetesFormat.extract({ path: "k8s/all.yaml", content }, context());
    expect(result.uses).toHaveLength(2);
    expect(result.problems).toMatchObject([{ type: "parse-error" }]);
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(20);
  });

  it("reports a kustomize base's images in the environments of the overlays that render it", () => {
    const ctx = context({
      "k8s/base/kustomization.yaml": "resources:\n  - cronjob.yaml\n",
      "k8s/base/cronjob.yaml": fixture("k8s/cronjob.yaml"),
      "k8s/overlays/production/kustomization.yaml": "resources:\n  - ../../base\n",
    });
    const result = kubernetesFormat.extract(
      { path: "k8s/base/cronjob.yaml", content: fixture("k8s/cronjob.yaml") },
      ctx,
    );
    expect(result.uses.map((use) => [use.engine, use.line, use.environment])).toEqual([
      ["python", 14, "prod"],
      ["redis", 17, "prod"],
    ]);
    const alone = kubernetesFormat.extract({ path: "k8s/cronjob.yaml", content: fixture("k8s/cronjob.yaml") }, ctx);
    expect(alone.uses).toHaveLength(2);
  });
});
