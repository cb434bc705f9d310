import { describe, expect, it } from "vitest";
import { chain, deploy, history, linear, NOW } from "./__fixtures__/history";
import { analyzeHistory } from "./context";

function contained(commits: ReturnType<typeof chain>, deploys: ReturnType<typeof deploy>[]) {
  const ctx = analyzeHistory(history(commits, deploys), [], NOW);
  const out: Record<string, string> = {};
  for (const [sha, c] of ctx.containment) out[sha] = `${c.deploy.id}/${c.method}`;
  return out;
}

describe("firstContainingDeploys", () => {
  it("assigns each commit to the first deploy whose sha descends from it", () => {
    const commits = linear(4); // c0 (oldest) .. c3
    const result = contained(commits, [
      deploy({ id: "d-old", sha: "c1", hoursAgo: 0.5 }),
      deploy({ id: "d-new", sha: "c3", hoursAgo: 0.1 }),
    ]);
    expect(result).toEqual({ c0: "d-old/ancestry", c1: "d-old/ancestry", c2: "d-new/ancestry", c3: "d-new/ancestry" });
  });

  it("a redeploy of an older sha does not steal commits already shipped", () => {
    const commits = linear(3);
    const result = contained(commits, [
      deploy({ id: "first", sha: "c2", hoursAgo: 0.5 }),
      deploy({ id: "rollback", sha: "c0", hoursAgo: 0.1 }),
    ]);
    expect(result.c0).toBe("first/ancestry");
  });

  it("squash merge: a deploy sha that is not on the branch falls back to branch arrival time", () => {
    const commits = chain([
      { sha: "s1", authoredHoursAgo: 50, committedHoursAgo: 10 },
      { sha: "s2", authoredHoursAgo: 8, committedHoursAgo: 4 },
    ]);
    const result = contained(commits, [deploy({ id: "d", sha: "pr-head-sha", hoursAgo: 6 })]);
    expect(result).toEqual({ s1: "d/time" });
  });

  it("force-push: deploys of rewritten shas use time, later deploys of known shas use ancestry", () => {
    const commits = chain([
      { sha: "n1", authoredHoursAgo: 30 },
      { sha: "n2", authoredHoursAgo: 20 },
      { sha: "n3", authoredHoursAgo: 10 },
    ]);
    const result = contained(commits, [
      deploy({ id: "gone", sha: "rewritten-away", hoursAgo: 25 }),
      deploy({ id: "now", sha: "n3", hoursAgo: 5 }),
    ]);
    expect(result).toEqual({ n1: "gone/time", n2: "now/ancestry", n3: "now/ancestry" });
  });

  it("an ancestry walk continues through commits placed by time", () => {
    // m2 was committed before the unknown-sha deploy but its parent m1 only after it (clock skew).
    const commits = chain([
      { sha: "m1", authoredHoursAgo: 5 },
      { sha: "m2", authoredHoursAgo: 12 },
    ]);
    const result = contained(commits, [
      deploy({ id: "t", sha: "unknown", hoursAgo: 8 }),
      deploy({ id: "a", sha: "m2", hoursAgo: 1 }),
    ]);
    expect(result).toEqual({ m2: "t/time", m1: "a/ancestry" });
  });

  it("walks merge commits' second parents", () => {
    const commits = chain([
      { sha: "base", authoredHoursAgo: 10 },
      { sha: "feature", authoredHoursAgo: 9, parents: ["base"] },
      { sha: "main2", authoredHoursAgo: 8, parents: ["base"] },
      { sha: "merge", authoredHoursAgo: 7, parents: ["main2", "feature"] },
    ]);
    const result = contained(commits, [deploy({ id: "d", sha: "merge", hoursAgo: 6 })]);
    expect(Object.keys(result).sort()).toEqual(["base", "feature", "main2", "merge"]);
  });

  it("a deploy that contains 500 commits assigns all of them (iterative walk)", () => {
    const commits = linear(500, { spacingHours: 0.1, newestHoursAgo: 1 });
    const result = contained(commits, [deploy({ id: "big", sha: "c499", hoursAgo: 0.5 })]);
    expect(Object.keys(result)).toHaveLength(500);
    expect(new Set(Object.values(result))).toEqual(new Set(["big/ancestry"]));
  });

  it("parents missing from a truncated history stop the walk without failing", () => {
    const commits = chain([{ sha: "x2", authoredHoursAgo: 3, parents: ["not-fetched"] }]);
    expect(contained(commits, [deploy({ id: "d", sha: "x2", hoursAgo: 1 })])).toEqual({ x2: "d/ancestry" });
  });
});
