import { describe, expect, it } from "vitest";
import { evaluateRepo, type JudgedFinding, judge, LabelFile, totals } from "./judge";

const file = LabelFile.parse({
  repo: "acme/shop",
  commit: "0".repeat(40),
  labels: [
    {
      id: "db",
      check: "db-engine",
      service: "database",
      severity: "high",
      summary: "SQLite in dev, PostgreSQL in prod",
      sides: [
        { env: "dev", file: "settings.py", line: 4, value: "sqlite3" },
        { env: "prod", file: "chart/values.yaml", line: 9, value: "postgres 16" },
      ],
    },
    {
      id: "node",
      check: "runtime-version",
      service: "runtime:node",
      severity: "low",
      summary: "node 18 in CI, 20 in prod",
      sides: [{ env: "ci", file: ".github/workflows/ci.yml", line: 12, value: "18" }],
    },
  ],
  verdicts: [
    { check: "env-config", files: ["compose.yml"], match: "SECRET", verdict: "false", why: "a placeholder" },
    { check: "unpinned-image", files: [], verdict: "noise", why: "a tool image" },
  ],
});

const finding = (
  check: string,
  files: string[],
  { lines, ...extra }: Partial<JudgedFinding> & { lines?: number[] } = {},
): JudgedFinding => ({
  check,
  severity: "medium",
  message: "",
  evidence: files.map((path, i) => ({ environment: "dev", file: path, line: lines?.[i] ?? 4 })),
  ...extra,
});

describe("judge", () => {
  it.each([
    [
      "same check, both sides cited",
      finding("db-engine", ["settings.py", "chart/values.yaml"], { service: "database:sqlite", lines: [4, 9] }),
      "label db",
    ],
    ["only one side cited", finding("db-engine", ["chart/values.yaml"]), "unjudged"],
    [
      "a side's file at a far line",
      finding("db-engine", ["settings.py", "chart/values.yaml"], { lines: [4, 40] }),
      "unjudged",
    ],
    [
      "a side's file near its line",
      finding("db-engine", ["settings.py", "chart/values.yaml"], { lines: [6, 9] }),
      "label db",
    ],
    ["another service kind", finding("db-engine", ["settings.py"], { service: "cache:redis" }), "unjudged"],
    ["another check", finding("service-version", ["settings.py"]), "unjudged"],
    ["no shared file", finding("db-engine", ["other.py"]), "unjudged"],
    [
      "runtime kind from runtime:node",
      finding("runtime-version", [".github/workflows/ci.yml"], { service: "runtime:node", lines: [12] }),
      "label node",
    ],
    [
      "verdict with message match",
      finding("env-config", ["compose.yml", ".env"], { message: "APP_SECRET is literal" }),
      "verdict false",
    ],
    ["verdict message not matched", finding("env-config", ["compose.yml"], { message: "DATABASE_URL" }), "unjudged"],
    ["verdict file missing", finding("env-config", [".env"], { message: "APP_SECRET" }), "unjudged"],
    ["verdict without files", finding("unpinned-image", ["x.yml"]), "verdict noise"],
  ])("%s", (_name, input, expected) => {
    const judgement = judge(input, file);
    const text =
      judgement.kind === "label"
        ? `label ${judgement.label.id}`
        : judgement.kind === "verdict"
          ? `verdict ${judgement.verdict.verdict}`
          : "unjudged";
    expect(text).toBe(expected);
  });
});

describe("evaluateRepo and totals", () => {
  it("counts recall over labels, precision over judged findings, and unjudged apart", () => {
    const result = evaluateRepo(file, [
      finding("db-engine", ["settings.py", "chart/values.yaml"], { severity: "high", lines: [4, 9] }),
      finding("db-engine", ["chart/values.yaml", "settings.py"], { severity: "high", lines: [9, 5] }),
      finding("env-config", ["compose.yml"], { severity: "high", message: "SECRET" }),
      finding("case-collision", ["a"]),
    ]);
    expect(result.found).toBe(1);
    expect(result.foundHighMedium).toBe(1);
    expect(result.missed.map((label) => label.id)).toEqual(["node"]);
    expect([result.truePositives, result.noise, result.falsePositives, result.falseHigh]).toEqual([2, 0, 1, 1]);
    expect(result.unjudged).toHaveLength(1);
    const sum = totals([result]);
    expect(sum.recall).toBe(0.5);
    expect(sum.recallHighMedium).toBe(1);
    expect(sum.precision).toBeCloseTo(2 / 3);
    expect(sum.findings).toBe(4);
  });

  it("counts a label as found when a true verdict covers it", () => {
    const covering = LabelFile.parse({
      ...file,
      verdicts: [{ check: "db-engine", files: ["base.py"], verdict: "true", covers: "db", why: "other line" }],
    });
    const result = evaluateRepo(covering, [finding("db-engine", ["base.py"], { severity: "high" })]);
    expect(result.found).toBe(1);
    expect(result.missed.map((label) => label.id)).toEqual(["node"]);
    expect(result.truePositives).toBe(1);
  });

  it("has no ratio without data", () => {
    const sum = totals([]);
    expect([sum.recall, sum.precision]).toEqual([null, null]);
  });

  it("reads an unquoted YAML boolean verdict as its word", () => {
    const parsed = LabelFile.parse({ ...file, verdicts: [{ check: "x", verdict: false, why: "y" }] });
    expect(parsed.verdicts[0]?.verdict).toBe("false");
  });

  it("rejects a label file without a pinned commit", () => {
    expect(LabelFile.safeParse({ repo: "a/b", labels: [] }).success).toBe(false);
  });
});
