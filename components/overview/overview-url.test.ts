import { describe, expect, it } from "vitest";
import { DEFAULT_OVERVIEW_QUERY } from "@/lib/db/queries/overview-query";
import { hrefOf, queryFromSearchParams, searchParamsOf } from "./overview-url";

describe("the overview's view in its URL", () => {
  it("leaves the defaults out, so the plain overview is /", () => {
    expect(hrefOf("/", DEFAULT_OVERVIEW_QUERY)).toBe("/");
    expect(queryFromSearchParams({})).toEqual(DEFAULT_OVERVIEW_QUERY);
  });

  it("round-trips search, filters, sort and page", () => {
    const view = {
      text: "redis 7",
      gap: "time",
      level: "none",
      sort: "scoreTools",
      direction: "descending",
      page: 3,
    } as const;
    const search = searchParamsOf(view);
    expect(search).toBe("q=redis+7&gap=time&level=none&sort=scoreTools&dir=desc&page=3");
    expect(queryFromSearchParams(new URLSearchParams(search))).toEqual(view);
    expect(
      queryFromSearchParams({ q: "redis 7", gap: "time", level: "none", sort: "scoreTools", dir: "desc", page: "3" }),
    ).toEqual(view);
  });

  it("falls back to the default for anything unknown, and keeps the first of repeated keys", () => {
    expect(
      queryFromSearchParams({ gap: "money", level: "platinum", sort: "stars", dir: "up", page: "-2", q: ["a", "b"] }),
    ).toEqual({ ...DEFAULT_OVERVIEW_QUERY, text: "a" });
    expect(queryFromSearchParams({ page: "1.5" }).page).toBe(1);
    expect(queryFromSearchParams({ q: "x".repeat(500) }).text).toHaveLength(200);
  });
});
