import { describe, expect, it } from "vitest";
import { parseRepositoryName } from "./repository-name";

describe("parseRepositoryName", () => {
  it.each([
    ["acme/shop", "acme", "shop"],
    ["  acme/shop  ", "acme", "shop"],
    ["https://github.com/acme/shop", "acme", "shop"],
    ["https://github.com/acme/shop.git", "acme", "shop"],
    ["https://github.com/acme/shop/tree/main/app", "acme", "shop"],
    ["git@github.com:acme/shop.git", "acme", "shop"],
    ["acme-inc/my.repo_name", "acme-inc", "my.repo_name"],
  ])("reads %s", (input, owner, name) => {
    expect(parseRepositoryName(input)).toEqual({ ok: true, value: { owner, name } });
  });

  it.each([
    ["", /Enter a repository/],
    ["acme", /not a repository/],
    ["acme/shop/extra", /not a repository/],
    ["-acme/shop", /not a valid GitHub owner/],
    ["acme--x/shop", /not a valid GitHub owner/],
    ["acme/sh op", /not a valid GitHub repository/],
    ["acme/..", /not a valid GitHub repository/],
  ])("rejects %j with a sentence", (input, message) => {
    const result = parseRepositoryName(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
