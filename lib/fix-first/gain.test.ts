import { describe, expect, it } from "vitest";
import { scoreReport } from "../parity/audit/score";
import type { CheckResult, Finding, Gap, Severity } from "../parity/types";
import { findingGains, gainWords } from "./gain";
import { parseFilters, rankFindings } from "./rank";

function check(id: string, gap: Gap, severity: Severity, status: CheckResult["status"], score: number | null) {
  return { id, gap, severity, status, score, summary: id } satisfies CheckResult;
}

function finding(fingerprint: string, checkId: string, gap: Gap, severity: Severity, suppressed = false): Finding {
  return { fingerprint, check: checkId, gap, severity, title: checkId, message: fingerprint, evidence: [], suppressed };
}

/** A report as the engine would store it: scores from the same checks and findings. */
function report(checks: CheckResult[], findings: Finding[]) {
  const scored = scoreReport(checks, findings);
  return { checks, findings, scores: scored.scores, nextLevel: scored.nextLevel };
}

describe("findingGains", () => {
  it("gives a check's only finding the whole check back", () => {
    const gains = findingGains(
      report(
        [check("engine", "tools", "high", "fail", 0), check("version", "tools", "medium", "pass", 10)],
        [finding("a", "engine", "tools", "high")],
      ),
    );
    // tools before: (7.5*0 + 5*10) / 12.5 = 40; after: 100. Only tools is known, so overall moves as much.
    expect(gains.map((gain) => gain.gain)).toEqual([{ overall: 60, tools: 60, time: null, personnel: null }]);
    expect(gainWords(gains[0]?.gain ?? { overall: 0, tools: 0, time: 0, personnel: 0 }, "tools")).toBe("+60 tools");
  });

  it("follows the engine's penalties, not the severity: one of two high findings gains nothing alone", () => {
    const gains = findingGains(
      report(
        [check("engine", "tools", "high", "fail", 0), check("version", "tools", "medium", "pass", 10)],
        [finding("a", "engine", "tools", "high"), finding("b", "engine", "tools", "high")],
      ),
    );
    expect(gains.map((gain) => gain.gain.tools)).toEqual([0, 0]);
  });

  it("gives a high finding back its penalty when a medium one remains, and the medium one nothing", () => {
    const gains = findingGains(
      report(
        [check("engine", "tools", "high", "fail", 0), check("version", "tools", "medium", "pass", 10)],
        [finding("high", "engine", "tools", "high"), finding("medium", "engine", "tools", "medium")],
      ),
    );
    // Without the high one the check scores 10 - 5 = 5: tools (7.5*5 + 50) / 12.5 = 70, +30.
    expect(Object.fromEntries(gains.map((gain) => [gain.finding.fingerprint, gain.gain.tools]))).toEqual({
      high: 30,
      medium: 0,
    });
  });

  it("weighs a gap's gain into the overall score and skips suppressed findings", () => {
    const gains = findingGains(
      report(
        [
          check("engine", "tools", "high", "pass", 10),
          check("lead-time", "time", "high", "fail", 0),
          check("who-deploys", "personnel", "high", "pass", 10),
        ],
        [finding("slow", "lead-time", "time", "high"), finding("ok", "lead-time", "time", "low", true)],
      ),
    );
    expect(gains).toHaveLength(1);
    // time 0 -> 100 at 25% weight: overall 75 -> 100.
    expect(gains[0]?.gain).toEqual({ overall: 25, tools: 0, time: 100, personnel: 0 });
    expect(gainWords(gains[0]?.gain ?? { overall: 0, tools: 0, time: 0, personnel: 0 }, "time")).toBe("+100 time");
  });

  it("gains nothing on tools when the audit could not read one side (the tools score stays withheld)", () => {
    const checks = [check("engine", "tools", "high", "fail", 0)];
    const findings = [finding("a", "engine", "tools", "high")];
    const scored = scoreReport(checks, findings, undefined, { prod: false, other: true });
    const gains = findingGains({ checks, findings, scores: scored.scores, nextLevel: scored.nextLevel });
    expect(gains[0]?.gain.tools).toBeNull();
    expect(gainWords(gains[0]?.gain ?? { overall: null, tools: null, time: null, personnel: null }, "tools")).toBe(
      "no score change",
    );
  });
});

describe("rankFindings", () => {
  const small = report(
    [check("engine", "tools", "high", "fail", 5), check("x", "tools", "low", "pass", 10)],
    [finding("small", "engine", "tools", "medium")],
  );
  const big = report(
    [check("engine", "tools", "high", "fail", 0), check("x", "tools", "low", "pass", 10)],
    [finding("big", "engine", "tools", "high")],
  );
  const repositories = [
    { fullName: "acme/a", owner: "acme", name: "a", gains: findingGains(small) },
    { fullName: "acme/b", owner: "acme", name: "b", gains: findingGains(big) },
  ];

  it("puts the biggest gain first, across repositories", () => {
    const ranked = rankFindings(repositories, { gap: null, severity: null });
    expect(ranked.map((item) => [item.repository.fullName, item.finding.fingerprint])).toEqual([
      ["acme/b", "big"],
      ["acme/a", "small"],
    ]);
    expect(ranked[0]?.gain.tools).toBeGreaterThan(ranked[1]?.gain.tools ?? 0);
  });

  it("filters by gap and severity", () => {
    expect(
      rankFindings(repositories, { gap: null, severity: "medium" }).map((item) => item.finding.fingerprint),
    ).toEqual(["small"]);
    expect(rankFindings(repositories, { gap: "time", severity: null })).toEqual([]);
  });

  it("reads filters from the URL, ignoring unknown values", () => {
    expect(parseFilters({ gap: "tools", severity: "high" })).toEqual({ gap: "tools", severity: "high" });
    expect(parseFilters({ gap: "nonsense", severity: ["low", "high"] })).toEqual({ gap: null, severity: "low" });
  });
});
