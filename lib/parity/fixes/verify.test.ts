import { describe, expect, it } from "vitest";
import { audit } from "../audit/index";
import { NOW, PROD_TF, snapshotOf } from "./__tests__/support";
import type { FixPlan } from "./types";
import { combinePlans, disproof, fixFindings } from "./verify";

const COMPOSE = "services:\n  db:\n    image: postgres:14\n";
const snapshot = snapshotOf({ "docker-compose.yml": COMPOSE, "infra/db.tf": PROD_TF });
const report = audit(snapshot, null, NOW);
const finding = report.findings.find((item) => item.check === "service-version");
const at = COMPOSE.indexOf("postgres:14");

function planTo(after: string): FixPlan {
  return {
    fingerprint: finding?.fingerprint ?? "",
    check: "service-version",
    summary: "",
    edits: [{ file: "docker-compose.yml", start: at, end: at + 11, before: "postgres:14", after }],
  };
}

describe("verification by a second audit", () => {
  it("holds a plan that resolves the finding", () => {
    expect(finding).toBeDefined();
    expect(disproof(snapshot, null, NOW, report, planTo("postgres:16"))).toBeNull();
  });

  it("refuses a plan after which the audit still reports the finding", () => {
    expect(disproof(snapshot, null, NOW, report, planTo("postgres:15"))).toMatch(/still reports the finding/);
  });

  it("refuses a plan that brings a new finding", () => {
    expect(disproof(snapshot, null, NOW, report, planTo("postgres:latest"))).toMatch(
      /brings a new finding \(unpinned-image/,
    );
  });

  it("refuses edits that no longer match the files", () => {
    const stale = { ...planTo("postgres:16"), edits: [{ ...planTo("postgres:16").edits[0], before: "mysql:8.0" }] };
    expect(disproof(snapshot, null, NOW, report, stale as FixPlan)).toMatch(/do not apply/);
  });

  it("offers only the selected findings and says why the others have none", () => {
    const outcome = fixFindings(snapshot, null, NOW, { select: (item) => item.check === "service-version" });
    expect(outcome.fixes.map((fix) => fix.check)).toEqual(["service-version"]);
    const all = fixFindings(snapshot, null, NOW);
    for (const item of all.unfixed) expect(item.reason).toMatch(/\w+/);
  });

  it("combines plans: one shared edit once, an overlapping different edit left out", () => {
    const a = planTo("postgres:16");
    const b = { ...planTo("postgres:16"), fingerprint: "b" };
    const c = { ...planTo("postgres:17"), fingerprint: "c" };
    const combined = combinePlans([a, b, c]);
    expect(combined.edits).toHaveLength(1);
    expect(combined.skipped.map((plan) => plan.fingerprint)).toEqual(["c"]);
  });
});
