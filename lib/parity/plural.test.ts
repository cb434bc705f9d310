import { describe, expect, it } from "vitest";
import { formatDuration } from "./history/time";
import { countOf } from "./plural";

describe("countOf", () => {
  it("uses the singular for exactly one only", () => {
    expect(countOf(1, "commit")).toBe("1 commit");
    expect(countOf(0, "commit")).toBe("0 commits");
    expect(countOf(2.5, "deploy-day")).toBe("2.5 deploy-days");
    expect(countOf(1, "person", "people")).toBe("1 person");
    expect(countOf(4, "person", "people")).toBe("4 people");
  });

  it("is what durations use", () => {
    expect(formatDuration(1)).toBe("1 hour");
    expect(formatDuration(1 / 60)).toBe("1 minute");
    expect(formatDuration(24 * 3)).toBe("3 days");
  });
});
