import { describe, expect, it } from "vitest";
import { chain, deploy, history, linear, NOW } from "./__fixtures__/history";
import { deployAutomation } from "./automation";
import { analyzeHistory } from "./context";
import { deployFrequency } from "./deploy-frequency";
import { doraBand } from "./dora-bands";
import { leadTime } from "./lead-time";
import { median } from "./time";
import { undeployedChanges } from "./undeployed";

const DAY = 24;
const WINDOW_HOURS = 90 * DAY;

function ctxOf(commits: ReturnType<typeof chain>, deploys: ReturnType<typeof deploy>[]) {
  return analyzeHistory(history(commits, deploys), [], NOW);
}

describe("median", () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])("%j -> %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe("leadTime", () => {
  it("is the median of deploy time minus author time", () => {
    const commits = chain([
      { sha: "a", authoredHoursAgo: 30 },
      { sha: "b", authoredHoursAgo: 12 },
      { sha: "c", authoredHoursAgo: 6 },
    ]);
    const m = leadTime(ctxOf(commits, [deploy({ sha: "c", hoursAgo: 2 })]));
    expect(m.perCommit.map((c) => c.hours).sort((x, y) => x - y)).toEqual([4, 10, 28]);
    expect(m.leadTimeHours).toBe(10);
  });

  it("clock skew: a commit authored after its deploy has lead time 0, not negative", () => {
    const commits = chain([{ sha: "skewed", authoredHoursAgo: 1, committedHoursAgo: 5 }]);
    const m = leadTime(ctxOf(commits, [deploy({ sha: "skewed", hoursAgo: 3 })]));
    expect(m.perCommit).toEqual([{ sha: "skewed", hours: 0, deployId: expect.any(String), method: "ancestry" }]);
    expect(m.leadTimeHours).toBe(0);
  });

  it("leaves bot commits out", () => {
    const commits = chain([
      { sha: "human", authoredHoursAgo: 5 },
      { sha: "bump", author: "dependabot[bot]", authoredHoursAgo: 500 },
      { sha: "renovate", author: "renovate-bot", authoredHoursAgo: 400 },
    ]);
    const m = leadTime(ctxOf(commits, [deploy({ sha: "renovate", hoursAgo: 1 })]));
    expect(m.perCommit.map((c) => c.sha)).toEqual(["human"]);
    expect(m.leadTimeHours).toBe(4);
  });

  it("a deploy that contains 500 commits measures each of them", () => {
    const commits = linear(500, { spacingHours: 1, newestHoursAgo: 2 });
    const m = leadTime(ctxOf(commits, [deploy({ sha: "c499", hoursAgo: 1 })]));
    expect(m.deployedCommits).toBe(500);
    expect(m.leadTimeHours).toBe(250.5);
  });

  it("squash merge: the squashed commit's lead time is measured through the time fallback", () => {
    const commits = chain([{ sha: "squash", authoredHoursAgo: 10 }]);
    const m = leadTime(ctxOf(commits, [deploy({ sha: "merge-queue-sha", hoursAgo: 4 })]));
    expect(m).toMatchObject({ leadTimeHours: 6, timeFallbackCommits: 1, deployedCommits: 1 });
  });

  it("measures commits deployed in the last 90 days, or all when none were", () => {
    const commits = chain([
      { sha: "old", authoredHoursAgo: WINDOW_HOURS + 200 },
      { sha: "new", authoredHoursAgo: 10 },
    ]);
    const recent = leadTime(
      ctxOf(commits, [deploy({ sha: "old", hoursAgo: WINDOW_HOURS + 100 }), deploy({ sha: "new", hoursAgo: 5 })]),
    );
    expect(recent).toMatchObject({ window: "90d", leadTimeHours: 5, deployedCommits: 1 });
    const stale = leadTime(ctxOf(commits, [deploy({ sha: "old", hoursAgo: WINDOW_HOURS + 100 })]));
    expect(stale).toMatchObject({ window: "all", leadTimeHours: 100 });
  });
});

describe("deployFrequency", () => {
  const commits = linear(1, { newestHoursAgo: WINDOW_HOURS + 500 });

  it.each([
    {
      name: "3 deploys on one day are 1 deploy-day",
      hours: [10, 11, 12],
      days: 1,
      deploys: 3,
    },
    {
      name: "deploys either side of UTC midnight are 2 deploy-days",
      // NOW is 12:00 UTC: 12.5 h ago is 23:30 the day before, 11.5 h ago 00:30 today.
      hours: [12.5, 11.5],
      days: 2,
      deploys: 2,
    },
    { name: "a deploy exactly 90 days ago counts", hours: [WINDOW_HOURS], days: 1, deploys: 1 },
    { name: "a deploy just over 90 days ago does not", hours: [WINDOW_HOURS + 0.001], days: 0, deploys: 0 },
    { name: "a deploy at now counts", hours: [0], days: 1, deploys: 1 },
  ])("$name", ({ hours, days, deploys }) => {
    const m = deployFrequency(
      ctxOf(
        commits,
        hours.map((h) => deploy({ sha: "x", hoursAgo: h })),
      ),
    );
    expect(m.deployDays).toBe(days);
    expect(m.deploysInWindow).toBe(deploys);
    expect(m.bandTable).toBe("dora-2023");
  });

  it("divides deploy-days by the weeks of the window", () => {
    const deploys = Array.from({ length: 26 }, (_, i) => deploy({ sha: "x", hoursAgo: 1 + i * 3 * DAY }));
    const m = deployFrequency(ctxOf(commits, deploys));
    expect(m.deployDays).toBe(26);
    expect(m.deployDaysPerWeek).toBeCloseTo(26 / (90 / 7), 2);
    expect(m.band).toBe("high");
  });

  it.each([
    [7, "elite"],
    [5, "elite"],
    [4.9, "high"],
    [1, "high"],
    [0.5, "medium"],
    [12 / 52, "medium"],
    [0.2, "low"],
    [0, "low"],
  ] as const)("%s deploy-days/week is DORA %s", (rate, band) => {
    expect(doraBand(rate)).toBe(band);
  });
});

describe("undeployedChanges", () => {
  it("reports the oldest human commit on the branch in no production deploy", () => {
    const commits = chain([
      { sha: "shipped", authoredHoursAgo: 100 },
      { sha: "waiting-1", authoredHoursAgo: 70, committedHoursAgo: 48 },
      { sha: "bot", author: "renovate[bot]", authoredHoursAgo: 60 },
      { sha: "waiting-2", authoredHoursAgo: 10 },
    ]);
    const m = undeployedChanges(ctxOf(commits, [deploy({ sha: "shipped", hoursAgo: 90 })]));
    expect(m).toEqual({ oldestUndeployedHours: 48, undeployedCommits: 2, oldestUndeployedSha: "waiting-1" });
  });

  it("is zero when everything is deployed", () => {
    const commits = linear(3);
    expect(undeployedChanges(ctxOf(commits, [deploy({ sha: "c2", hoursAgo: 0 })]))).toMatchObject({
      oldestUndeployedHours: 0,
      undeployedCommits: 0,
    });
  });

  it("ignores commits older than the first recorded deploy", () => {
    const commits = chain([
      { sha: "side", authoredHoursAgo: 300, parents: [] },
      { sha: "main", authoredHoursAgo: 200, parents: [] },
    ]);
    expect(undeployedChanges(ctxOf(commits, [deploy({ sha: "main", hoursAgo: 100 })])).undeployedCommits).toBe(0);
  });
});

describe("deployAutomation", () => {
  it.each([
    { triggers: ["automatic", "automatic", "manual", "automatic"], share: 0.75 },
    { triggers: ["manual", "manual"], share: 0 },
    { triggers: ["automatic", "unknown"], share: 1 },
    { triggers: ["unknown", "unknown"], share: null },
  ] as const)("$triggers -> $share", ({ triggers, share }) => {
    const deploys = triggers.map((trigger, i) => deploy({ sha: "x", hoursAgo: i + 1, trigger }));
    expect(deployAutomation(ctxOf(linear(1), deploys)).automaticShare).toBe(share);
  });
});
