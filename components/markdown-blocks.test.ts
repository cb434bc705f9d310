import { describe, expect, it } from "vitest";
import { headingId, markdownBlocks } from "./markdown-blocks";

describe("markdownBlocks", () => {
  it("splits headings (with GitHub's ids) from text, keeping fenced code whole", () => {
    const blocks = markdownBlocks(
      "# Scoring\n\nOne\nline.\n\n## Time and personnel\n\n```\na\n\n# not a heading\n```\n",
    );
    expect(blocks).toEqual([
      { kind: "h1", text: "Scoring", id: "scoring" },
      { kind: "text", text: "One\nline." },
      { kind: "h2", text: "Time and personnel", id: "time-and-personnel" },
      { kind: "text", text: "```\na\n\n# not a heading\n```" },
    ]);
  });

  it("makes ids like GitHub", () => {
    expect(headingId("From checks to scores")).toBe("from-checks-to-scores");
    expect(headingId("Per-check scores (tools)")).toBe("per-check-scores-tools");
  });
});
