import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { checkoutReport } from "../__fixtures__/checkout-report";
import type { DeployView } from "../dashboard-types";
import { checkTexts } from "./check-details";
import { GapCards } from "./gap-cards";
import { PartialHistoryNote } from "./gap-notes";
import { Deploys } from "./history-sections";
import { deployRow } from "./test-rows";
import { deployListCut } from "./time-window";

/** Deploys a day apart from `start`, each with its own per-deploy lead time. */
function deploys(start: string, count: number): DeployView[] {
  return Array.from({ length: count }, (_, i) =>
    deployRow({
      id: i,
      sha: `${i}`.padEnd(40, "a"),
      deployedAt: new Date(Date.parse(start) + i * 86_400_000),
      leadTimeHours: 5 + i,
    }),
  );
}

describe("the scorecard's numbers say what they measure", () => {
  it("a deploy list is cut when it starts a week late and the history was read in part", () => {
    expect(deployListCut("2026-08-01T10:00:00Z", "2026-05-25", "partial")).toEqual({ from: "2026-08-01" });
    expect(deployListCut("2026-08-01T10:00:00Z", "2026-05-25", "complete")).toBeNull();
    expect(deployListCut("2026-05-27T10:00:00Z", "2026-05-25", "partial")).toBeNull();
  });

  it("the deploy card shows the scored lead time only, labels its bars, and says when its list is cut", () => {
    const html = renderToStaticMarkup(
      createElement(Deploys, {
        repository: { githubUrl: "https://github.com", fullName: "acme/checkout" },
        deploys: deploys("2026-08-01T10:00:00Z", 12),
        windowStart: "2026-05-25",
        scoredLeadTimeHours: 55,
        coverage: "partial",
      }),
    );
    // The per-deploy median (of 5..16 hours) is not shown as "median lead time" beside the scored one.
    expect(html.match(/median/g)).toHaveLength(2);
    expect(html).toContain("each deploy&#x27;s median lead time over the commits it shipped");
    expect(html).toContain("median <strong");
    expect(html).toContain("2.3 days</strong> per commit");
    expect(html).toContain("last 90 days");
    expect(html).toContain("Production deploys, last 26 weeks");
    expect(html).toContain("The list starts on 2026-08-01, not 2026-05-25");
    expect(html).toContain("latest 100 deployments");
    expect(html).toMatch(/2026-08-12 10:00 UTC<\/time>/);
  });

  it("a complete history draws no cut note", () => {
    const html = renderToStaticMarkup(
      createElement(Deploys, {
        repository: { githubUrl: "https://github.com", fullName: "acme/checkout" },
        deploys: deploys("2026-08-01T10:00:00Z", 3),
        windowStart: "2026-05-25",
        scoredLeadTimeHours: null,
        coverage: "complete",
      }),
    );
    expect(html).not.toContain("deploys-cut");
    expect(html).toContain("not measured");
  });

  it("gap cards say their window, and explain (partial history) where a summary says it", () => {
    const html = renderToStaticMarkup(
      createElement(GapCards, { report: checkoutReport, texts: checkTexts(checkoutReport) }),
    );
    expect(html.match(/last 90 days/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain("files at the audited commit");
    const partial = renderToStaticMarkup(
      createElement(PartialHistoryNote, { checks: [{ summary: "median 2 days (partial history)" }] }),
    );
    expect(partial).toContain("Partial history");
    expect(partial).toContain('href="/docs/scoring#time-and-personnel"');
    expect(renderToStaticMarkup(createElement(PartialHistoryNote, { checks: [{ summary: "median 2 days" }] }))).toBe(
      "",
    );
  });
});
