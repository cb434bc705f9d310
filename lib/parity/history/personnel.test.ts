import { describe, expect, it } from "vitest";
import { chain, deploy, history, linear, NOW } from "./__fixtures__/history";
import { deployerConcentration } from "./concentration";
import { analyzeHistory } from "./context";
import { infraOwnership, isApplicationCode, isDeployDefinition } from "./infra-ownership";
import { isBotPerson } from "./people";
import { selfDeploy } from "./self-deploy";

function ctxOf(commits: ReturnType<typeof chain>, deploys: ReturnType<typeof deploy>[]) {
  return analyzeHistory(history(commits, deploys), [], NOW);
}

describe("isBotPerson", () => {
  it.each([
    [{ id: "dependabot[bot]", isBot: true }, true],
    [{ id: "renovate-bot", isBot: false }, true],
    [{ id: "github-actions", isBot: false }, true],
    [{ id: "someone[bot]", isBot: false }, true],
    [{ id: "alice", isBot: false }, false],
    [{ id: "renovation-team", isBot: false }, false],
    [null, false],
  ])("%j -> %s", (p, expected) => {
    expect(isBotPerson(p)).toBe(expected);
  });
});

describe("selfDeploy", () => {
  it.each([
    { name: "pipeline the merge triggered", creator: "github-actions[bot]", trigger: "automatic", expected: 1 },
    {
      name: "bot-created deploy with unknown trigger is a pipeline",
      creator: "github-actions[bot]",
      trigger: "unknown",
      expected: 1,
    },
    { name: "the author deployed it", creator: "alice", trigger: "manual", expected: 1 },
    { name: "the author deployed it (case differs)", creator: "Alice", trigger: "manual", expected: 1 },
    { name: "the PR's merger deployed it", creator: "bob", trigger: "manual", expected: 1 },
    { name: "a release manager deployed it", creator: "carol", trigger: "manual", expected: 0 },
    { name: "nobody is known", creator: null, trigger: "manual", expected: null },
  ] as const)("$name -> $expected", ({ creator, trigger, expected }) => {
    const commits = chain([{ sha: "a", author: "alice", mergedBy: "bob", authoredHoursAgo: 10 }]);
    const m = selfDeploy(ctxOf(commits, [deploy({ sha: "a", hoursAgo: 1, creator, trigger })]));
    expect(m.selfDeployShare).toBe(expected);
  });

  it("counts changes, not deploys, and names the other deployers", () => {
    const commits = chain([
      { sha: "a1", author: "alice", authoredHoursAgo: 50 },
      { sha: "a2", author: "alice", authoredHoursAgo: 40 },
      { sha: "a3", author: "alice", authoredHoursAgo: 30 },
      { sha: "d1", author: "dave", authoredHoursAgo: 20 },
      { sha: "bot", author: "dependabot[bot]", authoredHoursAgo: 15 },
    ]);
    const m = selfDeploy(
      ctxOf(commits, [
        deploy({ sha: "a3", hoursAgo: 25, creator: "ops-olga", trigger: "manual" }),
        deploy({ sha: "bot", hoursAgo: 10, creator: "dave", trigger: "manual" }),
      ]),
    );
    expect(m).toMatchObject({
      selfDeployed: 1,
      deployedByOthers: 3,
      selfDeployShare: 0.25,
      otherDeployers: ["ops-olga"],
    });
  });
});

describe("deployerConcentration", () => {
  function withDeployers(creators: (string | null)[], trigger: "manual" | "automatic" = "manual") {
    const commits = chain([
      { sha: "a", author: "alice", authoredHoursAgo: 30 },
      { sha: "b", author: "bob", authoredHoursAgo: 20 },
      { sha: "c", author: "carol", authoredHoursAgo: 10 },
    ]);
    return deployerConcentration(
      ctxOf(
        commits,
        creators.map((creator, i) => deploy({ sha: "c", hoursAgo: i + 1, creator, trigger })),
      ),
    );
  }

  it("shares of the top one and two human deployers", () => {
    const m = withDeployers(["olga", "olga", "olga", "pete", "pete", "alice"]);
    expect(m).toMatchObject({ topDeployerShare: 0.5, topTwoDeployersShare: 0.83, deployers: 3, humanAuthors: 3 });
    expect(m.topDeployers).toEqual(["olga", "pete"]);
  });

  it("leaves bot deployers out of the shares", () => {
    const m = withDeployers(["github-actions[bot]", "github-actions[bot]", "olga", "pete"]);
    expect(m).toMatchObject({ humanDeploys: 2, pipelineDeploys: 2, topDeployerShare: 0.5 });
  });

  it("all-automatic deploys have no human share", () => {
    const m = withDeployers(["alice", "bob"], "automatic");
    expect(m).toMatchObject({ humanDeploys: 0, pipelineDeploys: 2, topDeployerShare: null });
  });

  it("deploys without creator are unattributed", () => {
    expect(withDeployers([null, null])).toMatchObject({ unattributedDeploys: 2, humanDeploys: 0 });
  });
});

describe("infra paths", () => {
  it.each([
    [".github/workflows/deploy.yml", true, false],
    ["k8s/api/deployment.yaml", true, false],
    ["infra/k8s/db.yaml", true, false],
    ["deploy/prod.sh", true, false],
    ["charts/api/values.yaml", true, false],
    ["helm/values-prod.yaml", true, false],
    ["terraform/main.tf", true, false],
    ["main.tf", true, false],
    ["fly.toml", true, false],
    ["render.yaml", true, false],
    ["Dockerfile", true, false],
    ["services/api/Dockerfile.prod", true, false],
    ["docker-compose.yml", true, false],
    ["compose.prod.yaml", true, false],
    ["src/app/page.tsx", false, true],
    ["app/models/user.rb", false, true],
    ["package.json", false, true],
    ["README.md", false, false],
    ["docs/setup.md", false, false],
    [".github/CODEOWNERS", false, false],
    ["src/deployments/list.ts", false, true],
  ])("%s: infra %s, app %s", (path, infra, app) => {
    expect(isDeployDefinition(path)).toBe(infra);
    expect(isApplicationCode(path)).toBe(app);
  });
});

describe("infraOwnership", () => {
  const shipped = [deploy({ sha: "x", hoursAgo: 1 })];

  it("disjoint when infra is changed only by people who never change app code", () => {
    const commits = chain([
      { sha: "1", author: "olga", authoredHoursAgo: 30, files: [".github/workflows/deploy.yml", "k8s/api.yaml"] },
      { sha: "2", author: "alice", authoredHoursAgo: 20, files: ["src/index.ts", "README.md"] },
      { sha: "3", author: "bob", authoredHoursAgo: 10, files: ["src/db.ts"] },
      { sha: "4", author: "renovate[bot]", authoredHoursAgo: 5, files: ["Dockerfile", "src/x.ts"] },
    ]);
    const m = infraOwnership(ctxOf(commits, shipped));
    expect(m).toMatchObject({ state: "disjoint", infraOwners: ["olga"], sharedOwners: [], appAuthors: 2 });
    expect(m.infraPaths).toEqual([".github/workflows/deploy.yml", "k8s/api.yaml"]);
  });

  it("shared when a developer also changes deploy definitions", () => {
    const commits = chain([
      { sha: "1", author: "olga", authoredHoursAgo: 30, files: ["fly.toml"] },
      { sha: "2", author: "alice", authoredHoursAgo: 20, files: ["src/index.ts", "Dockerfile"] },
    ]);
    expect(infraOwnership(ctxOf(commits, shipped))).toMatchObject({
      state: "shared",
      infraOwners: ["alice", "olga"],
      sharedOwners: ["alice"],
    });
  });

  it.each([
    { name: "no files listed", files: undefined, state: "no-files" },
    { name: "no infra change", files: ["src/a.ts"], state: "no-infra-changes" },
    { name: "no app change", files: ["fly.toml"], state: "no-app-changes" },
  ])("$name -> $state", ({ files, state }) => {
    const commits = chain([{ sha: "1", author: "alice", authoredHoursAgo: 5, ...(files ? { files } : {}) }]);
    expect(infraOwnership(ctxOf(commits, shipped)).state).toBe(state);
  });

  it("only reads the last 90 days", () => {
    const commits = linear(1, { author: "olga", newestHoursAgo: 91 * 24 });
    const first = commits[0];
    if (!first) throw new Error("fixture");
    const old = { ...first, files: ["k8s/a.yaml"] };
    expect(infraOwnership(ctxOf([old], shipped))).toMatchObject({ state: "no-files", humanCommits: 0 });
  });
});
