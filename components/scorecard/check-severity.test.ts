import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Finding, Report } from "@/lib/parity/types";
import { checkoutReport } from "../__fixtures__/checkout-report";
import { checkTexts } from "./check-details";
import { checkSeverity } from "./check-severity";
import { GapCards } from "./gap-cards";

const base = checkoutReport.findings[0] as Finding;
const finding = (over: Partial<Finding>): Finding => ({ ...base, ...over });

describe("checkSeverity", () => {
  const check = { id: "service-version", severity: "medium" as const };

  it("is the worst open finding's, above or below the check's default", () => {
    const raised = [finding({ check: "service-version", severity: "low" }), finding({ check: "service-version" })];
    expect(checkSeverity(check, raised)).toBe("high");
    expect(checkSeverity(check, [finding({ check: "service-version", severity: "low" })])).toBe("low");
  });

  it("ignores suppressed findings and other checks' findings", () => {
    const others = [finding({ check: "service-version", suppressed: true }), finding({ check: "db-engine" })];
    expect(checkSeverity(check, others)).toBe("medium");
  });
});

describe("the Tools card", () => {
  it("shows the finding's severity, not the check's default", () => {
    // The check's default is medium; its one open finding was raised to high.
    const report: Pick<Report, "checks" | "scores" | "findings"> = {
      ...checkoutReport,
      checks: [{ id: "db-engine", gap: "tools", severity: "medium", status: "fail", score: 0, summary: "differs" }],
      findings: [finding({ check: "db-engine", severity: "high" })],
    };
    const html = renderToStaticMarkup(createElement(GapCards, { report, texts: checkTexts(checkoutReport) }));
    expect(html).toMatch(/>high<\/span>/);
    expect(html).not.toMatch(/>medium<\/span>/);
  });
});
