import { describe, expect, it } from "vitest";
import { deploy, NOW } from "./__fixtures__/history";
import { isProductionEnvironment, productionDeploys } from "./production";

describe("isProductionEnvironment", () => {
  it.each([
    ["production", [], true],
    ["Production", [], true],
    ["prod-eu", [], true],
    ["staging", [], false],
    ["preview", [], false],
    ["preprod", [], false],
    ["pre-prod", [], false],
    ["non-prod", [], false],
    ["live", ["live"], true],
    ["LIVE", ["live"], true],
    ["production", ["live"], false],
  ] as const)("%s with %j -> %s", (name, production, expected) => {
    expect(isProductionEnvironment(name, production)).toBe(expected);
  });
});

describe("productionDeploys", () => {
  it.each([
    {
      name: "deployments win over workflow runs and releases",
      deploys: [
        deploy({ sha: "a", hoursAgo: 3, source: "release" }),
        deploy({ sha: "a", hoursAgo: 2, source: "workflow-run" }),
        deploy({ sha: "a", hoursAgo: 1, source: "deployment" }),
      ],
      signal: "deployment",
      proxy: false,
      count: 1,
    },
    {
      name: "preview deployments do not count: workflow runs to production are used",
      deploys: [
        deploy({ sha: "a", hoursAgo: 1, source: "deployment", environment: "preview" }),
        deploy({ sha: "a", hoursAgo: 2, source: "workflow-run", environment: "production" }),
      ],
      signal: "workflow-run",
      proxy: false,
      count: 1,
    },
    {
      name: "release-only history is the proxy signal",
      deploys: [deploy({ sha: "a", hoursAgo: 1, source: "release", environment: "v1.2.0" })],
      signal: "release",
      proxy: true,
      count: 1,
    },
    {
      name: "tags are the release proxy too",
      deploys: [deploy({ sha: "a", hoursAgo: 1, source: "tag", environment: "" })],
      signal: "release",
      proxy: true,
      count: 1,
    },
    {
      name: "only staging deploys: no signal",
      deploys: [deploy({ sha: "a", hoursAgo: 1, environment: "staging" })],
      signal: null,
      proxy: false,
      count: 0,
    },
    {
      name: "deploys after now are ignored",
      deploys: [deploy({ sha: "a", hoursAgo: -1 })],
      signal: null,
      proxy: false,
      count: 0,
    },
  ])("$name", ({ deploys, signal, proxy, count }) => {
    const result = productionDeploys(deploys, [], NOW);
    expect(result.signal).toBe(signal);
    expect(result.proxy).toBe(proxy);
    expect(result.deploys).toHaveLength(count);
  });

  it("uses the configured production names instead of the /prod/ default", () => {
    const deploys = [
      deploy({ sha: "a", hoursAgo: 2, environment: "production" }),
      deploy({ sha: "a", hoursAgo: 1, environment: "live" }),
    ];
    const result = productionDeploys(deploys, ["live"], NOW);
    expect(result.deploys.map((d) => d.environment)).toEqual(["live"]);
  });

  it("sorts oldest first", () => {
    const deploys = [deploy({ sha: "b", hoursAgo: 1 }), deploy({ sha: "a", hoursAgo: 5 })];
    expect(productionDeploys(deploys, [], NOW).deploys.map((d) => d.sha)).toEqual(["a", "b"]);
  });
});
