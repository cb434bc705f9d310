import { describe, expect, it } from "vitest";
import { parseConfig } from "../parity/config/index";
import { applySuppressions } from "../parity/suppress";
import type { Finding } from "../parity/types";
import { reasonText, suppressionEntry, suppressionLines, withSuppression } from "./config-lines";

const finding: Finding = {
  fingerprint: "3f2a9c0d1e4b5a67",
  check: "service-engine",
  gap: "tools",
  severity: "high",
  title: "Same database engine",
  message: "SQLite in dev, PostgreSQL 16 in prod",
  evidence: [],
  suppressed: false,
  service: "database:postgres",
  environments: ["dev", "prod"],
};

const other: Finding = { ...finding, fingerprint: "0000000000000000", message: "another one" };

/** What the engine makes of the file: the findings it would mark suppressed, with the reason. */
function engineReads(text: string) {
  const parsed = parseConfig(text);
  expect(parsed.problems).toEqual([]);
  return applySuppressions([finding, other], parsed.config);
}

describe("suppressionLines", () => {
  it("writes lines the engine reads as a suppression of exactly that finding", () => {
    const lines = suppressionLines(suppressionEntry(finding, "suppress", "dev uses SQLite on purpose"));
    expect(lines).toBe(
      [
        "suppress:",
        "  - check: service-engine",
        "    fingerprint: 3f2a9c0d1e4b5a67",
        "    reason: dev uses SQLite on purpose",
        "",
      ].join("\n"),
    );
    const [marked, untouched] = engineReads(lines);
    expect(marked).toMatchObject({ suppressed: true, suppressionReason: "dev uses SQLite on purpose" });
    expect(untouched?.suppressed).toBe(false);
  });

  it("keeps a reason with YAML's special characters as the same text", () => {
    const reason = 'we said "no": #later, - [maybe] {x} & *y @z';
    const [marked] = engineReads(suppressionLines(suppressionEntry(finding, "suppress", reason)));
    expect(marked?.suppressionReason).toBe(reason);
  });

  it("marks an accepted risk and folds the reason onto one line", () => {
    expect(reasonText("accept", "  prod is managed,\n  dev is not ")).toBe(
      "Accepted risk: prod is managed, dev is not",
    );
  });
});

describe("withSuppression", () => {
  const entry = suppressionEntry(finding, "accept", "managed in prod");

  it("starts a file when there is none", () => {
    expect(withSuppression(null, entry)).toBe(suppressionLines(entry));
  });

  it("appends to an existing list and keeps the rest of the file and its comments", () => {
    const existing = [
      "# how Parity reads this repository",
      "production: [production, prod-eu]",
      "suppress:",
      "  - check: service-version",
      "    service: redis",
      "    reason: managed Redis is compatible",
      "comment: never",
      "",
    ].join("\n");
    const updated = withSuppression(existing, entry) ?? "";
    expect(updated).toContain("# how Parity reads this repository");
    expect(updated).toContain("production: [ production, prod-eu ]");
    const parsed = parseConfig(updated);
    expect(parsed.problems).toEqual([]);
    expect(parsed.config.suppress).toHaveLength(2);
    expect(parsed.config.comment).toBe("never");
    expect(applySuppressions([finding], parsed.config)[0]).toMatchObject({
      suppressed: true,
      suppressionReason: "Accepted risk: managed in prod",
    });
  });

  it("adds the key to a file without one", () => {
    const updated = withSuppression("comment: always\n", entry) ?? "";
    expect(parseConfig(updated).config.suppress).toHaveLength(1);
    expect(parseConfig(updated).config.comment).toBe("always");
  });

  it("leaves a file it cannot safely edit to a person", () => {
    expect(withSuppression("suppress: [\n", entry)).toBeNull();
    expect(withSuppression("- just a list\n", entry)).toBeNull();
    expect(withSuppression("suppress: nope\n", entry)).toBeNull();
  });
});
