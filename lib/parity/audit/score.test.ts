import { describe, expect, it } from "vitest";
import { ALL_CHECKS } from "../checks/index";
import type { CheckResult, CheckStatus, Finding, Gap, Level, Severity } from "../types";
import { adjustForSuppressions, gapScore, type LevelCheck, levelOf, overallScore, scoreReport } from "./score";

function result(
  id: string,
  gap: Gap,
  severity: Severity,
  status: CheckStatus,
  score: number | null,
  summary = "",
): CheckResult {
  return { id, gap, severity, status, score, summary };
}

function finding(check: string, severity: Severity, suppressed: boolean): Finding {
  return {
    fingerprint: `${check}-${severity}-${suppressed}`,
    check,
    gap: "tools",
    severity,
    title: check,
    message: check,
    evidence: [],
    suppressed,
  };
}

describe("gapScore", () => {
  it.each([
    {
      name: "severity-weighted mean on 0-100",
      checks: [result("a", "tools", "high", "pass", 10), result("b", "tools", "medium", "fail", 0)],
      expected: 60, // (7.5 * 10 + 5 * 0) / 12.5 * 10
    },
    {
      name: "low weighs a third of high",
      checks: [result("a", "tools", "high", "fail", 0), result("b", "tools", "low", "pass", 10)],
      expected: 25,
    },
    {
      name: "not-applicable checks leave the denominator",
      checks: [
        result("a", "tools", "high", "pass", 10),
        result("b", "tools", "medium", "fail", 0),
        result("d", "tools", "high", "not-applicable", null),
      ],
      expected: 60,
    },
    {
      // (7.5 * 10 + 5 * 0 + 7.5 * 5) / 20 = 5.625
      name: "an unknown tools check counts half: nothing proven either way",
      checks: [
        result("a", "tools", "high", "pass", 10),
        result("b", "tools", "medium", "fail", 0),
        result("c", "tools", "high", "unknown", null),
      ],
      expected: 56.25,
    },
    {
      name: "everything that could be compared passes, one unknown: never 100",
      checks: [result("a", "tools", "medium", "pass", 10), result("c", "tools", "high", "unknown", null)],
      expected: 70,
    },
    {
      name: "checks of other gaps are ignored",
      checks: [result("a", "tools", "high", "pass", 10), result("t", "time", "high", "fail", 0)],
      expected: 100,
    },
    {
      name: "an unknown time check leaves the time gap's denominator",
      checks: [result("t", "time", "high", "pass", 10), result("u", "time", "high", "unknown", null)],
      gap: "time" as const,
      expected: 100,
    },
    { name: "info checks carry no weight", checks: [result("a", "tools", "info", "fail", 0)], expected: null },
    { name: "nothing known", checks: [result("a", "tools", "high", "unknown", null)], expected: null },
  ])("$name", ({ checks, expected, gap }: { checks: CheckResult[]; expected: number | null; gap?: Gap }) => {
    expect(gapScore(checks, gap ?? "tools")).toBe(expected);
  });
});

describe("overallScore", () => {
  it.each([
    { gaps: { tools: 60, time: 80, personnel: 40 }, expected: 60 },
    { gaps: { tools: 100, time: 0, personnel: 0 }, expected: 50 },
    { gaps: { tools: 60, time: 90, personnel: null }, expected: 70 }, // (30 + 22.5) / 0.75
    { gaps: { tools: 80, time: null, personnel: null }, expected: 80 },
    { gaps: { tools: null, time: null, personnel: null }, expected: null },
  ])("$gaps -> $expected", ({ gaps, expected }) => {
    expect(overallScore(gaps)).toBe(expected);
  });
});

const catalog: LevelCheck[] = [
  { id: "dev-env", level: "bronze", title: "One-command dev environment" },
  { id: "db", level: "bronze", title: "Same database engine" },
  { id: "svc", level: "silver", title: "Same service engines" },
  { id: "freq", level: "silver", title: "Deploys at least weekly" },
  { id: "ver", level: "gold", title: "Same versions" },
  { id: "case", level: null, title: "No case collisions" },
];

function ladder(statuses: Record<string, CheckStatus | undefined>) {
  const checks = Object.entries(statuses).flatMap(([id, status]) =>
    status ? [result(id, "tools", "high", status, status === "fail" ? 0 : 10, `${id} summary`)] : [],
  );
  return levelOf(checks, catalog);
}

const allPass = { "dev-env": "pass", db: "pass", svc: "pass", freq: "pass", ver: "pass", case: "fail" } as const;

interface LadderRow {
  name: string;
  statuses: Record<string, CheckStatus | undefined>;
  level: Level | null;
  next: { level: Level; needs: string[] } | null;
}

describe("levelOf", () => {
  it.each<LadderRow>([
    { name: "everything passes: gold, nothing next", statuses: allPass, level: "gold", next: null },
    {
      name: "a failing bronze check: no level, bronze needs it",
      statuses: { ...allPass, db: "fail" },
      level: null,
      next: { level: "bronze", needs: ["Same database engine (now: db summary)"] },
    },
    {
      name: "not-applicable passes",
      statuses: { ...allPass, db: "not-applicable", svc: "not-applicable" },
      level: "gold",
      next: null,
    },
    {
      name: "unknown does not pass: no deploy history stops at bronze",
      statuses: { ...allPass, freq: "unknown" },
      level: "bronze",
      next: { level: "silver", needs: ["Deploys at least weekly (not measured yet: freq summary)"] },
    },
    {
      name: "a missing result counts as not measured",
      statuses: { ...allPass, ver: undefined },
      level: "silver",
      next: { level: "gold", needs: ["Same versions (not measured)"] },
    },
    {
      name: "the next level lists only its own and lower requirements, item by item",
      statuses: { ...allPass, svc: "fail", freq: "unknown", ver: "fail" },
      level: "bronze",
      next: {
        level: "silver",
        needs: ["Same service engines (now: svc summary)", "Deploys at least weekly (not measured yet: freq summary)"],
      },
    },
    {
      name: "levels are cumulative: gold checks passing do not help while bronze fails",
      statuses: { ...allPass, "dev-env": "fail" },
      level: null,
      next: { level: "bronze", needs: ["One-command dev environment (now: dev-env summary)"] },
    },
  ])("$name", ({ statuses, level, next }) => {
    expect(ladder(statuses)).toEqual({ level, nextLevel: next });
  });

  it("does not repeat a check's title when its summary already says it", () => {
    const summary = "No one-command dev environment, while prod runs PostgreSQL 16";
    const checks = [
      result("dev-env", "tools", "high", "fail", 0, summary),
      result("db", "tools", "high", "pass", 10, ""),
    ];
    expect(levelOf(checks, catalog).nextLevel?.needs).toEqual([
      "No one-command dev environment, while prod runs PostgreSQL 16",
    ]);
  });
});

describe("adjustForSuppressions", () => {
  const failing = result("service-version", "tools", "medium", "fail", 0, "2 differences");

  it.each([
    {
      name: "all suppressed: passes with 10",
      findings: [finding("service-version", "medium", true), finding("service-version", "high", true)],
      status: "pass",
      score: 10,
    },
    {
      name: "suppressed plus info: passes",
      findings: [finding("service-version", "high", true), finding("service-version", "info", false)],
      status: "pass",
      score: 10,
    },
    {
      name: "part suppressed: the active penalties count",
      findings: [finding("service-version", "high", true), finding("service-version", "medium", false)],
      status: "fail",
      score: 5,
    },
    {
      name: "nothing suppressed: unchanged",
      findings: [finding("service-version", "high", false)],
      status: "fail",
      score: 0,
    },
    {
      name: "another check's suppressions do not apply",
      findings: [finding("db-engine", "high", true)],
      status: "fail",
      score: 0,
    },
  ])("$name", ({ findings, status, score }) => {
    const [adjusted] = adjustForSuppressions([failing], findings);
    expect([adjusted?.status, adjusted?.score]).toEqual([status, score]);
  });

  it("never lowers a score the check computed itself", () => {
    const metric = result("lead-time", "time", "medium", "fail", 8, "median 3 days");
    const [adjusted] = adjustForSuppressions(
      [metric],
      [finding("lead-time", "high", true), finding("lead-time", "medium", false)],
    );
    expect(adjusted?.score).toBe(8);
    expect(adjusted?.summary).toBe("median 3 days (1 suppressed)");
  });
});

describe("scoreReport", () => {
  it("rounds gap and overall scores to integers, null when unknown", () => {
    const checks = [
      result("a", "tools", "high", "pass", 10),
      result("b", "tools", "low", "fail", 5),
      result("c", "time", "medium", "unknown", null),
    ];
    const scored = scoreReport(checks, [], []);
    // tools (7.5 * 10 + 2.5 * 5) / (7.5 + 2.5) = 8.75 -> 87.5 -> 88; unknown time leaves overall = tools.
    expect(scored.scores).toEqual({ overall: 88, tools: 88, time: null, personnel: null });
    expect(scored.level).toBe("gold");
  });

  it("lets a suppressed finding raise both the score and the level", () => {
    const checks = [result("db", "tools", "high", "fail", 0, "SQLite in dev, PostgreSQL 16 in prod")];
    const levelCatalog: LevelCheck[] = [{ id: "db", level: "bronze", title: "Same database engine" }];
    expect(scoreReport(checks, [finding("db", "high", false)], levelCatalog)).toMatchObject({
      scores: { tools: 0 },
      level: null,
    });
    expect(scoreReport(checks, [finding("db", "high", true)], levelCatalog)).toMatchObject({
      scores: { tools: 100 },
      level: "gold", // the only requirement in this catalog is a bronze one
    });
  });

  it("with the real checks and no deploy history, the best level is bronze", () => {
    const checks = ALL_CHECKS.map((check) =>
      check.gap === "tools"
        ? result(check.id, check.gap, check.severity, "pass", 10)
        : result(check.id, check.gap, check.severity, "unknown", null, "no deploy signal"),
    );
    const scored = scoreReport(checks, []);
    expect(scored.scores).toEqual({ overall: 100, tools: 100, time: null, personnel: null });
    expect(scored.level).toBe("bronze");
    expect(scored.nextLevel?.level).toBe("silver");
    expect(scored.nextLevel?.needs.every((need) => need.includes("not measured yet"))).toBe(true);
  });
});

describe("levels need evidence", () => {
  const vacuous = [
    result("dev-env", "tools", "high", "not-applicable", null, "prod declares no backing services"),
    result("db", "tools", "high", "not-applicable", null, "no production database found"),
    result("case", "tools", "medium", "pass", 10, "no two paths differ only by case"),
    result("t", "time", "medium", "pass", 10),
  ];

  it.each([
    { name: "no file describes prod", sides: { prod: false, other: true }, missing: "no file describes production" },
    {
      name: "no file describes dev, test or CI",
      sides: { prod: true, other: false },
      missing: "no file describes dev, test or CI",
    },
    { name: "nothing read at all", sides: { prod: false, other: false }, missing: "no file describes any environment" },
  ])("$name: no level and no tools score, only silence passed", ({ sides, missing }) => {
    const scored = scoreReport(vacuous, [], catalog, sides);
    expect(scored.scores).toEqual({ overall: 100, tools: null, time: 100, personnel: null });
    expect(scored.level).toBeNull();
    expect(scored.nextLevel).toEqual({
      level: "bronze",
      needs: [`Something to compare (nothing to compare could be read: ${missing})`],
    });
  });

  it("both sides read: the same checks reach a level and score", () => {
    const scored = scoreReport(vacuous, [], catalog, { prod: true, other: true });
    expect(scored.scores.tools).toBe(100);
    expect(scored.level).toBe("bronze");
  });

  it("an unknown check (prod's database, none read elsewhere) never satisfies a level", () => {
    const checks = [
      result("dev-env", "tools", "high", "pass", 10),
      result("db", "tools", "high", "unknown", null, "PostgreSQL 16 in prod; no database could be read in dev"),
    ];
    const scored = scoreReport(checks, [], catalog, { prod: true, other: true });
    expect(scored.level).toBeNull();
    expect(scored.nextLevel?.needs).toEqual([
      "Same database engine (not measured yet: PostgreSQL 16 in prod; no database could be read in dev)",
    ]);
  });
});
