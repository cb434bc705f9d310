import { describe, expect, it } from "vitest";
import { chain, deploy, emptyInventory, history, input, team } from "../../history/__fixtures__/history";
import type { CheckOutcome, CheckStatus, History } from "../../types";
import { HISTORY_CHECKS } from "./index";

function runAll(h: History | null, opts: Parameters<typeof input>[1] = {}): Record<string, CheckOutcome> {
  const out: Record<string, CheckOutcome> = {};
  for (const check of HISTORY_CHECKS) out[check.id] = check.run(input(h, opts));
  return out;
}

function statuses(outcomes: Record<string, CheckOutcome>): Record<string, [CheckStatus, number | null]> {
  return Object.fromEntries(Object.entries(outcomes).map(([id, o]) => [id, [o.status, o.score]]));
}

describe("HISTORY_CHECKS", () => {
  it("lists the time gap first, then personnel, with the levels the model assigns", () => {
    expect(HISTORY_CHECKS.map((c) => [c.id, c.gap, c.level])).toEqual([
      ["lead-time", "time", null],
      ["deploy-frequency", "time", "silver"],
      ["undeployed-changes", "time", null],
      ["continuous-deployment", "time", "gold"],
      ["self-deploy", "personnel", "gold"],
      ["deployer-concentration", "personnel", null],
      ["infra-ownership", "personnel", null],
    ]);
    for (const check of HISTORY_CHECKS) {
      expect(check.rationale.length).toBeGreaterThan(80);
      expect(check.remediation.length).toBeGreaterThan(40);
    }
  });
});

describe("without a deploy signal", () => {
  it.each([
    { name: "no history", h: null },
    { name: "commits but no deploys", h: history(chain([{ sha: "a", authoredHoursAgo: 5 }]), []) },
    {
      name: "only preview deploys",
      h: history(chain([{ sha: "a", authoredHoursAgo: 5 }]), [
        deploy({ sha: "a", hoursAgo: 1, environment: "preview" }),
      ]),
    },
  ])("$name: every check is unknown and says how to make deploys visible", ({ h }) => {
    for (const outcome of Object.values(runAll(h))) {
      expect(outcome.status).toBe("unknown");
      expect(outcome.score).toBeNull();
      expect(outcome.findings).toEqual([]);
      expect(outcome.summary).toContain("GitHub Deployments");
      expect(outcome.summary).toContain("environment: production");
    }
  });
});

const appAndInfra = (author: string, i: number) =>
  author === "alice" && i % 5 === 0 ? ["src/a.ts", ".github/workflows/deploy.yml"] : [`src/f${i}.ts`];

describe("scenarios", () => {
  it.each([
    {
      name: "healthy: every merge deploys within 2 hours, devs own the workflow",
      h: team({ authors: ["alice", "bob", "carol"], days: 90, deployEveryDays: 1, files: appAndInfra }),
      expected: {
        "lead-time": ["pass", 10],
        "deploy-frequency": ["pass", 10],
        "undeployed-changes": ["pass", 10],
        "continuous-deployment": ["pass", 10],
        "self-deploy": ["pass", 10],
        "deployer-concentration": ["pass", 10],
        "infra-ownership": ["pass", 10],
      },
    },
    {
      name: "one author deploying by hand every 3 days",
      h: team({ authors: ["solo"], days: 60, deployEveryDays: 3, trigger: "manual", deployer: "author" }),
      expected: {
        "lead-time": ["pass", 7],
        "deploy-frequency": ["pass", 8],
        "undeployed-changes": ["pass", 10],
        "continuous-deployment": ["fail", 0],
        "self-deploy": ["pass", 10],
        "deployer-concentration": ["pass", 10],
        "infra-ownership": ["not-applicable", null],
      },
    },
    {
      name: "ops team: olga deploys by hand every three weeks and alone edits the pipeline",
      h: team({
        authors: ["alice", "bob", "carol", "olga"],
        days: 80,
        deployEveryDays: 21,
        trigger: "manual",
        deployer: "olga",
        files: (author, i) => (author === "olga" ? ["k8s/api.yaml"] : [`src/f${i}.ts`]),
      }),
      expected: {
        "lead-time": ["fail", 4],
        "deploy-frequency": ["fail", 5],
        "undeployed-changes": ["fail", 4],
        "continuous-deployment": ["fail", 0],
        "self-deploy": ["fail", 2],
        "deployer-concentration": ["fail", 1],
        "infra-ownership": ["fail", 0],
      },
    },
    {
      name: "bot deployers only: concentration passes",
      h: team({ authors: ["alice", "bob", "carol"], days: 30, deployEveryDays: 1, trigger: "unknown" }),
      expected: {
        "continuous-deployment": ["unknown", null],
        "self-deploy": ["pass", 10],
        "deployer-concentration": ["pass", 10],
      },
    },
    {
      name: "a deploy every 45 days",
      h: team({ authors: ["alice", "bob"], days: 89, deployEveryDays: 45 }),
      expected: {
        "lead-time": ["fail", 4],
        "deploy-frequency": ["fail", 2],
        "undeployed-changes": ["fail", 1],
      },
    },
  ])("$name", ({ h, expected }) => {
    const result = statuses(runAll(h));
    expect(result).toMatchObject(expected);
  });

  it("a failed check carries one prod finding with the metric as evidence", () => {
    const outcomes = runAll(team({ authors: ["alice", "bob", "carol"], days: 60, deployEveryDays: 20 }));
    const freq = outcomes["deploy-frequency"];
    expect(freq?.findings).toHaveLength(1);
    expect(freq?.findings[0]).toMatchObject({
      environments: ["prod"],
      evidence: [{ environment: "prod", file: "", line: 0, value: expect.stringContaining("deploy-days/week") }],
    });
    expect(freq?.metrics).toMatchObject({ bandTable: "dora-2023", signal: "deployment", coverage: "complete" });
  });

  it("points evidence at the production deploy job when the inventory found one", () => {
    const inventory = emptyInventory([
      {
        workflow: ".github/workflows/preview.yml",
        job: "preview",
        line: 4,
        environment: "preview",
        evidence: "",
        triggers: [],
      },
      {
        workflow: ".github/workflows/deploy.yml",
        job: "ship",
        line: 12,
        environment: "production",
        evidence: "",
        triggers: [],
      },
    ]);
    const h = team({ authors: ["alice", "bob", "carol"], days: 60, deployEveryDays: 20 });
    const outcome = HISTORY_CHECKS.find((c) => c.id === "deploy-frequency")?.run(input(h, { inventory }));
    expect(outcome?.findings[0]?.evidence[0]).toMatchObject({ file: ".github/workflows/deploy.yml", line: 12 });
  });

  it("labels release-only history as a proxy", () => {
    const outcomes = runAll(team({ authors: ["alice"], days: 30, deployEveryDays: 2, source: "release" }));
    for (const id of ["lead-time", "deploy-frequency", "undeployed-changes", "continuous-deployment"]) {
      expect(outcomes[id]?.summary).toContain("proxy");
      expect(outcomes[id]?.metrics?.signal).toBe("release");
    }
  });

  it("labels a partial history", () => {
    const h = { ...team({ authors: ["alice"], days: 10, deployEveryDays: 1 }), complete: false };
    const outcome = runAll(h)["lead-time"];
    expect(outcome?.summary).toContain("partial history");
    expect(outcome?.metrics?.coverage).toBe("partial");
  });

  it("puts the numbers into metrics", () => {
    const outcomes = runAll(team({ authors: ["alice", "bob", "carol"], days: 60, deployEveryDays: 1 }));
    expect(outcomes["lead-time"]?.metrics?.leadTimeHours).toBe(2);
    expect(outcomes["deploy-frequency"]?.metrics?.deployDaysPerWeek).toBeCloseTo(60 / (90 / 7), 1);
    expect(outcomes["undeployed-changes"]?.metrics?.oldestUndeployedHours).toBe(0);
    expect(outcomes["continuous-deployment"]?.metrics?.automaticShare).toBe(1);
    expect(outcomes["self-deploy"]?.metrics?.selfDeployShare).toBe(1);
    expect(outcomes["deployer-concentration"]?.metrics?.topDeployerShare).toBeNull();
  });

  it("infra-ownership is unknown when commits do not list files", () => {
    const h = history(chain([{ sha: "a", authoredHoursAgo: 5 }]), [deploy({ sha: "a", hoursAgo: 1 })]);
    expect(runAll(h)["infra-ownership"]).toMatchObject({ status: "unknown", score: null });
  });

  it("counts in words that agree with the number (1 commit, 1 deploy, 1 hour)", () => {
    // a reaches production an hour after it is written; b has waited 100 hours since.
    const h = history(
      chain([
        { sha: "a", authoredHoursAgo: 200 },
        { sha: "b", authoredHoursAgo: 100 },
      ]),
      [deploy({ sha: "a", hoursAgo: 199 })],
    );
    const summaries = Object.values(runAll(h)).map((outcome) => outcome.summary);
    const findings = Object.values(runAll(h)).flatMap((outcome) => outcome.findings.map((f) => f.message));
    const text = [...summaries, ...findings].join("\n");
    expect(text).toContain("over 1 commit");
    expect(text).toContain("1 commit not in production");
    expect(text).toContain("1 deploy;");
    expect(text).toContain("median 1 hour from commit");
    expect(text).not.toMatch(/\b1 (commits|deploys|days|hours|people)\b/);
  });
});
