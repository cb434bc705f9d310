import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index";
import { pageOf, pageRequest } from "./paging";

const url = (query: string) => new URL(`http://parity.test/api/repos${query}`);

describe("page parameters", () => {
  it.each([
    ["", { page: 1, perPage: 100 }],
    ["?page=3&per_page=20", { page: 3, perPage: 20 }],
    ["?per_page=1000", { page: 1, perPage: 1000 }],
  ])("%s reads as %j", (query, expected) => expect(pageRequest(url(query))).toEqual(expected));

  it.each(["?page=0", "?page=-1", "?page=x", "?per_page=1001", "?per_page=1.5", "?page=99999999"])(
    "%s is a 400 that names the parameter",
    (query) => {
      expect(() => pageRequest(url(query))).toThrow(AppError);
      expect(() => pageRequest(url(query))).toThrow(/Query parameter (page|per_page) must be a whole number/);
    },
  );
});

describe("one page and its Link header", () => {
  const items = Array.from({ length: 45 }, (_, index) => index);

  it("slices the page and links first, prev, next and last with the same page size", () => {
    const { items: page, link } = pageOf(items, { page: 2, perPage: 20 }, url("?page=2&per_page=20&q=x"));
    expect(page).toEqual(items.slice(20, 40));
    expect(link).toBe(
      [
        '</api/repos?page=1&per_page=20&q=x>; rel="first"',
        '</api/repos?page=1&per_page=20&q=x>; rel="prev"',
        '</api/repos?page=3&per_page=20&q=x>; rel="next"',
        '</api/repos?page=3&per_page=20&q=x>; rel="last"',
      ].join(", "),
    );
  });

  it("has no Link header when everything fits one page, and an empty page past the end", () => {
    expect(pageOf(items, { page: 1, perPage: 100 }, url(""))).toEqual({ items, link: null });
    const past = pageOf(items, { page: 9, perPage: 20 }, url("?page=9&per_page=20"));
    expect(past.items).toEqual([]);
    expect(past.link).toContain('rel="prev"');
    expect(past.link).not.toContain('rel="next"');
  });
});
