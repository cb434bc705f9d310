import { describe, expect, it } from "vitest";
import { type Alias, isAlias, LineCounter, visit } from "yaml";
import { deref, parseYaml } from "./yaml-ast";

describe("deref", () => {
  it("finds the node each alias names as yaml's Alias.resolve does: the last anchor before it", () => {
    const text = [
      "x-env: &env { LOG: debug }",
      "first: *env",
      "again: &env [1, 2]",
      "second: *env",
      "nested: { inner: &deep { k: v }, use: *deep }",
      "&key keyed: *key",
      "missing: *nowhere",
    ].join("\n");
    const { doc } = parseYaml(text, new LineCounter());
    const aliases: Alias[] = [];
    visit(doc, {
      Alias(_key, node) {
        aliases.push(node);
      },
    });
    expect(aliases).toHaveLength(5);
    for (const alias of aliases) expect(deref(doc, alias)).toBe(alias.resolve(doc) ?? null);
    expect(isAlias(aliases[1])).toBe(true);
    expect(deref(doc, aliases[1])?.toJSON()).toEqual([1, 2]);
    expect(deref(doc, aliases[4])).toBeNull();
  });
});
