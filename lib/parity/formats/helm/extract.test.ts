import { describe, expect, it } from "vitest";
import { fixtureRepository } from "../../__tests__/support";
import type { ExtractContext, ExtractResult } from "../../types";
import { helmFormat } from "./index";

const ROOT = new URL("./__fixtures__/", import.meta.url);

const { files, ctx } = fixtureRepository(ROOT);

function extract(path: string, content = files.get(path) ?? ""): ExtractResult {
  return helmFormat.extract({ path, content }, ctx);
}

function summary(result: ExtractResult) {
  return result.uses.map((u) => [u.engine, u.version, u.pinned, u.line, u.environment, u.via]);
}

describe("helm: Chart.yaml", () => {
  const result = extract("charts/shop/Chart.yaml");

  it("maps chart dependencies to engines, with no version where only the chart knows it", () => {
    expect(summary(result)).toEqual([
      // postgresql: production sets image.tag (values-production reports it), staging does not.
      ["postgres", null, true, 8, "staging", "dependency"],
      // redis: values.yaml sets image.tag, so the values files report it.
      ["rabbitmq", null, true, 16, "prod", "dependency"],
      ["rabbitmq", null, true, 16, "staging", "dependency"],
    ]);
    expect(result.uses[1]?.name).toBe("queue");
  });

  it("pins by chart version only when it is exact", () => {
    const loose = extract(
      "charts/shop/Chart.yaml",
      files.get("charts/shop/Chart.yaml")?.replace("15.5.20", "15.x") ?? "",
    );
    expect(loose.uses[0]?.pinned).toBe(false);
  });
});

describe("helm: values files", () => {
  it("values-production.yaml sets postgres 16 and elasticsearch 8 for prod", () => {
    const result = extract("charts/shop/values-production.yaml");
    expect(result.environment).toBe("prod");
    expect(summary(result)).toEqual([
      ["postgres", "16", true, 5, "prod", "image"],
      ["elasticsearch", "8", true, 14, "prod", "image"],
    ]);
    expect(result.uses[1]?.raw).toBe("search.image: docker.elastic.co/elasticsearch/elasticsearch:8.13.0");
  });

  it("values.yaml is the baseline of every environment it is not overridden in", () => {
    const result = extract("charts/shop/values.yaml");
    expect(summary(result)).toEqual([
      // prod: redis is disabled and search is overridden in values-production.yaml.
      ["redis", "7", true, 22, "staging", "image"],
      ["elasticsearch", "8", true, 32, "staging", "image"],
    ]);
  });

  it("records literal credentials redacted, not references to existing Secrets", () => {
    expect(extract("charts/shop/values.yaml").literals).toEqual([
      { key: "postgresql.auth.password", line: 11, value: "***", environment: "prod" },
    ]);
    expect(extract("charts/shop/values-staging.yaml").literals).toEqual([
      { key: "postgresql.auth.password", line: 5, value: "***", environment: "staging" },
    ]);
    expect(extract("charts/shop/values-production.yaml").literals).toEqual([]);
    expect(JSON.stringify(extract("charts/shop/values.yaml"))).not.toContain("shop-dev-password");
  });

  it("reads values files in a helm folder without a chart", () => {
    expect(summary(extract("helm/values-prod.yaml"))).toEqual([["redis", "7", true, 2, "prod", "image"]]);
  });

  it("ignores values files that are not Helm's", () => {
    expect(extract("config/values.yaml")).toEqual({ uses: [], problems: [] });
  });
});

describe("helm: robustness", () => {
  it.each([
    ["charts/shop/Chart.yaml", "dependencies: [\n"],
    ["charts/shop/values.yaml", "image: {repository: [\n"],
  ])("reports a parse error in %s instead of throwing", (path, content) => {
    const result = extract(path, content);
    expect(result.uses).toEqual([]);
    expect(result.problems[0]?.type).toBe("parse-error");
  });

  it.each([
    ["charts/shop/values-staging.yaml", "postgresql: 3\nredis:\n  image: 7\nsearch:\n  image:\n    tag: [1]\n"],
    ["charts/shop/Chart.yaml", "dependencies:\n  - 1\n  - name: redis\n    condition: [x]\n"],
    ["charts/shop/templates/deployment.yaml", files.get("charts/shop/templates/deployment.yaml") ?? ""],
  ])("never throws on odd shapes in %s", (path, content) => {
    expect(() => extract(path, content)).not.toThrow();
  });
});

describe("helm: in-chart services switched by values", () => {
  it("reports a service only where its `create`/`enabled` switch is on", () => {
    expect(summary(extract("charts/orders/values.yaml"))).toEqual([
      ["opensearch", "2", true, 25, "prod", "image"],
      // postgresql.create is false in the baseline: only dev turns it on.
      ["postgres", "16", true, 10, "dev", "image"],
      ["opensearch", "2", true, 25, "dev", "image"],
    ]);
  });

  it("reads an image written at the service's key, enabled by the production file", () => {
    expect(summary(extract("charts/orders/values-production.yaml"))).toEqual([
      ["redis", "7", true, 3, "prod", "image"],
    ]);
  });
});

describe("helm: whether the chart runs the application", () => {
  const withRepository: ExtractContext = { ...ctx, repository: "acme/shop" };

  it("says so for a values file whose chart runs the app's image, from the baseline too", () => {
    const path = "charts/shop/values-production.yaml";
    expect(helmFormat.extract({ path, content: files.get(path) ?? "" }, withRepository).runsApp).toBe(true);
  });

  it("not for a chart of another product, nor when the repository is unknown", () => {
    const path = "charts/keycloak/values.yaml";
    const content = "image:\n  repository: quay.io/keycloak/keycloak\n  tag: 26.0.0\npostgres:\n  image: postgres:13\n";
    const other: ExtractContext = {
      paths: [...ctx.paths, path, "charts/keycloak/Chart.yaml"],
      readFile: (p) => (p === path ? content : p === "charts/keycloak/Chart.yaml" ? "name: keycloak\n" : files.get(p)),
      repository: "acme/shop",
    };
    expect(helmFormat.extract({ path, content }, other).runsApp).toBeUndefined();
    expect(extract("charts/shop/values-production.yaml").runsApp).toBeUndefined();
  });
});
