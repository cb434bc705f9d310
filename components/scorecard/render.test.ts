import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { checkoutReport } from "../__fixtures__/checkout-report";
import { checkTexts } from "./check-details";
import { FindingsList } from "./findings-list";
import { GapCards } from "./gap-cards";
import { buildMatrixView } from "./matrix-model";
import { NextLevel } from "./next-level";
import { ServiceMatrix } from "./service-matrix";

const texts = checkTexts(checkoutReport);

describe("scorecard sections render from plain props", () => {
  it("marks drift with a word and links cells at the audited commit", () => {
    const html = renderToStaticMarkup(
      createElement(ServiceMatrix, buildMatrixView(checkoutReport, "https://github.com")),
    );
    expect(html.match(/differs<\/span>/g)).toHaveLength(2);
    expect(html).toContain(`href="https://github.com/acme/checkout/blob/${checkoutReport.commit}/infra/rds.tf#L12"`);
    expect(html).toContain("2 cells differ from production");
    expect(html).toContain(">CI</th>");
  });

  it("shows findings with why it bites, how to fix, and the suppression reason", () => {
    const html = renderToStaticMarkup(
      createElement(FindingsList, { report: checkoutReport, githubUrl: "https://github.com", texts }),
    );
    expect(html).toContain("Findings (1 open · 1 suppressed)");
    expect(html).toContain("<details");
    expect(html).toContain("Why it bites:");
    expect(html).toContain("How to fix:");
    expect(html).toContain("release train until the migration ships");
    expect(html.indexOf("SQLite in dev")).toBeLessThan(html.indexOf("median 2.3 days to reach"));
  });

  it("puts checks in their gap cards with status words and unknown scores explained", () => {
    const html = renderToStaticMarkup(createElement(GapCards, { report: checkoutReport, texts }));
    expect(html).toContain("fails: </span>");
    expect(html).toContain("passes: </span>");
    expect(html).toContain(texts["db-engine"]?.title ?? "missing");
    expect(html).toContain('title="No commit or deploy history to see who deploys."');
  });

  it("lists what the next level needs, item by item", () => {
    const html = renderToStaticMarkup(createElement(NextLevel, checkoutReport));
    expect(html).toContain("Next: Silver needs");
    expect(html.match(/<li/g)).toHaveLength(2);
  });
});
