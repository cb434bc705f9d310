import { describe, expect, it } from "vitest";
import { scoreReport } from "../audit/score";
import { defaultConfig } from "../config/index";
import { toFinding } from "../findings";
import { applySuppressions } from "../suppress";
import type { CheckResult } from "../types";
import { ALL_CHECKS, checkById } from "./index";
import { serviceVersion } from "./service-version";
import { input, inventory, use } from "./test-helpers";
import { TOOLS_CHECKS } from "./tools";

describe("the tools checks registry", () => {
  it.each([
    ["dev-environment", "bronze", "high"],
    ["env-config", "bronze", "medium"],
    ["db-engine", "bronze", "high"],
    ["service-engine", "silver", "high"],
    ["service-missing-in-dev", "silver", "medium"],
    ["ci-services", "silver", "high"],
    ["service-version", "gold", "medium"],
    ["unpinned-image", "gold", "medium"],
    ["runtime-version", "gold", "medium"],
    ["case-collision", null, "medium"],
  ])("%s is a tools check of level %s, severity %s", (id, level, severity) => {
    const check = checkById(id);
    expect(check).toMatchObject({ id, gap: "tools", level, severity });
    expect(check?.rationale.length).toBeGreaterThan(200);
    expect(check?.remediation.length).toBeGreaterThan(60);
  });

  it("has ten tools checks, all in ALL_CHECKS, with unique ids", () => {
    expect(TOOLS_CHECKS).toHaveLength(10);
    const ids = ALL_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of TOOLS_CHECKS) expect(ids).toContain(check.id);
    expect(checkById("no-such-check")).toBeUndefined();
  });

  it("names the seed's concrete behaviour differences in the rationales", () => {
    expect(checkById("db-engine")?.rationale).toMatch(/case-insensitive.*VARCHAR/s);
    expect(checkById("service-engine")?.rationale).toMatch(/serializ.*evict.*S3.*retries/s);
  });

  it("every check answers not-applicable on an empty inventory, without throwing", () => {
    for (const check of TOOLS_CHECKS) {
      const outcome = check.run(input(inventory()));
      expect([check.id, outcome.status, outcome.score, outcome.findings]).toEqual([
        check.id,
        "not-applicable",
        null,
        [],
      ]);
    }
  });
});

describe("suppression of a tools finding, end to end through the engine's helpers", () => {
  const uses = [use("dev", "cache", "redis", "7"), use("prod", "cache", "redis", "6")];
  const outcome = serviceVersion.run(input(inventory({ uses })));
  const config = {
    ...defaultConfig(),
    suppress: [{ check: "service-version", service: "redis", reason: "managed Redis 6 is compatible with 7 for us" }],
  };
  const findings = applySuppressions(
    outcome.findings.map((draft) => toFinding(serviceVersion, draft)),
    config,
  );
  const result: CheckResult = {
    id: "service-version",
    gap: "tools",
    severity: "medium",
    status: outcome.status,
    score: outcome.score,
    summary: outcome.summary,
  };

  it("the .parity.yml entry matches the draft's service", () => {
    expect(outcome.status).toBe("fail");
    expect(findings.map((f) => [f.suppressed, f.suppressionReason])).toEqual([
      [true, "managed Redis 6 is compatible with 7 for us"],
    ]);
  });

  it("a check whose only finding is suppressed scores as passing", () => {
    const scored = scoreReport([result], findings, [{ id: "service-version", level: "gold", title: "t" }]);
    expect(scored.scores.tools).toBe(100);
    expect(scored.level).toBe("gold");
  });
});
