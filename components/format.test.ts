import { describe, expect, it } from "vitest";
import {
  formatRelative,
  formatScore,
  githubBlobUrl,
  githubCommitUrl,
  githubPullUrl,
  levelWord,
  median,
} from "./format";

const NOW = new Date("2025-11-24T10:00:00Z");

describe("formatRelative", () => {
  it.each([
    [null, "never"],
    ["2025-11-24T09:59:55Z", "just now"],
    ["2025-11-24T09:57:00Z", "3 min ago"],
    ["2025-11-24T08:30:00Z", "1 h ago"],
    ["2025-11-20T10:00:00Z", "4 d ago"],
    ["2025-06-01T10:00:00Z", "5 mo ago"],
    ["not a date", "never"],
  ])("%s -> %s", (when, expected) => {
    expect(formatRelative(when, NOW)).toBe(expected);
  });
});

describe("small formatters", () => {
  it.each([
    ["gold", "Gold"],
    ["silver", "Silver"],
    ["bronze", "Bronze"],
    [null, "Not yet"],
  ] as const)("level %s is the word %s", (level, word) => {
    expect(levelWord(level)).toBe(word);
  });
  it("shows unknown scores as a dash and rounds known ones", () => {
    expect(formatScore(null)).toBe("—");
    expect(formatScore(70.6)).toBe("71");
  });
  it("takes the median of odd and even lists", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it("links a file and line at the audited commit", () => {
    const shop = { githubUrl: "https://github.com", fullName: "acme/shop" };
    expect(githubBlobUrl(shop, "abc123", "infra/my db.tf", 12)).toBe(
      "https://github.com/acme/shop/blob/abc123/infra/my%20db.tf#L12",
    );
    expect(githubBlobUrl(shop, null, ".nvmrc", 0)).toBe("https://github.com/acme/shop/blob/HEAD/.nvmrc");
  });

  it("links to the GitHub the repository lives on (GHES, the double), never github.com by default", () => {
    const ghes = { githubUrl: "https://ghes.example.com/", fullName: "acme/shop" };
    expect(githubBlobUrl(ghes, "abc123", "compose.yaml", 3)).toBe(
      "https://ghes.example.com/acme/shop/blob/abc123/compose.yaml#L3",
    );
    expect(githubCommitUrl(ghes, "abc123")).toBe("https://ghes.example.com/acme/shop/commit/abc123");
    expect(githubPullUrl(ghes, 7)).toBe("https://ghes.example.com/acme/shop/pull/7");
  });
});
