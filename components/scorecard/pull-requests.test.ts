import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RecentPrAudit } from "@/lib/db/queries/bot";
import { PullRequests } from "./pull-requests";

function audit(overrides: Partial<RecentPrAudit>): RecentPrAudit {
  return {
    id: 1,
    number: 1,
    title: "Change",
    headSha: "a".repeat(40),
    headRepository: "acme/checkout",
    baseRef: "main",
    status: "succeeded",
    conclusion: "success",
    newFindings: 0,
    resolvedFindings: 0,
    scoreBefore: 80,
    scoreAfter: 80,
    levelBefore: "good",
    levelAfter: "good",
    commentAction: "skipped",
    createdAt: new Date("2026-03-02T10:00:00Z"),
    ...overrides,
  };
}

describe("the scorecard's recent pull requests", () => {
  it("lists each PR with its delta, linked to GitHub, in the order given", () => {
    const html = renderToStaticMarkup(
      createElement(PullRequests, {
        fullName: "acme/checkout",
        githubUrl: "https://github.com",
        audits: [
          audit({
            id: 9,
            number: 42,
            title: "Move to MySQL",
            newFindings: 2,
            scoreBefore: 81.6,
            scoreAfter: 64.2,
            conclusion: "failure",
          }),
          audit({
            id: 7,
            number: 40,
            title: "Pin Redis <7>",
            resolvedFindings: 1,
            scoreBefore: null,
            scoreAfter: 90,
            conclusion: null,
            status: "failed",
          }),
        ],
      }),
    );
    expect(html).toContain("Recent pull requests");
    expect(html).toContain('href="https://github.com/acme/checkout/pull/42"');
    const rows = html.split("<tr>").slice(2);
    expect(rows[0]).toContain(">#42</a> Move to MySQL");
    expect(rows[0]).toMatch(/>2<\/td><td[^>]*>0<\/td>/);
    expect(rows[0]).toContain(">82 → 64<");
    expect(rows[0]).toContain(">failure<");
    // A score the audit could not compute reads as a dash; no conclusion falls back to the status.
    expect(rows[1]).toContain(">— → 90<");
    expect(rows[1]).toContain(">failed<");
    // Titles are text, never markup.
    expect(rows[1]).toContain("Pin Redis &lt;7&gt;");
  });

  it("renders nothing when the bot has audited no pull request", () => {
    expect(
      renderToStaticMarkup(
        createElement(PullRequests, { fullName: "acme/checkout", githubUrl: "https://github.com", audits: [] }),
      ),
    ).toBe("");
  });
});
