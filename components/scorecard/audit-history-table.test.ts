import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type AuditHistoryRow, AuditHistoryTable, INITIAL_HISTORY_ROWS } from "./audit-history-table";

function rows(count: number): AuditHistoryRow[] {
  return Array.from({ length: count }, (_, index) => ({
    auditId: 1000 - index,
    date: `2026-11-${String(26 - (index % 26)).padStart(2, "0")}`,
    commitSha: index % 3 === 0 ? null : `${index}`.padStart(40, "a"),
    trigger: index === 0 ? "manual" : "schedule",
    level: index % 2 === 0 ? "silver" : "bronze",
    scores: { overall: 80 - index, tools: index === 1 ? null : 90, time: 70, personnel: 60 },
    appeared: index === 2 ? 1 : 0,
    resolved: index === 3 ? 2 : 0,
  }));
}

const bodyRows = (html: string) => (html.split("<tbody")[1] ?? "").match(/<tr>/g)?.length ?? 0;

describe("the audit history table", () => {
  it("renders the latest rows on the server and offers the rest", () => {
    const html = renderToStaticMarkup(
      createElement(AuditHistoryTable, {
        repository: { githubUrl: "https://github.com", fullName: "acme/shop" },
        rows: rows(30),
      }),
    );
    expect(bodyRows(html)).toBe(INITIAL_HISTORY_ROWS);
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain(">Show all 30</button>");
    // The newest first, each cell from its row: level word, scores as text, the findings change.
    expect(html).toContain(">manual</td>");
    expect(html).toContain(">Silver<");
    expect(html).toContain(">80</td>");
    expect(html).toContain("● 1 appeared");
    expect(html).toContain("○ 2 resolved");
    expect(html).toContain("Not measured yet");
    expect(html).toContain('href="https://github.com/acme/shop/commit/');
  });

  it("needs no button when every row fits", () => {
    const html = renderToStaticMarkup(
      createElement(AuditHistoryTable, {
        repository: { githubUrl: "https://github.com", fullName: "acme/shop" },
        rows: rows(4),
      }),
    );
    expect(bodyRows(html)).toBe(4);
    expect(html).not.toContain("Show all");
  });
});
