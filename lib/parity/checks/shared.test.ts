import { describe, expect, it } from "vitest";
import { environmentList, oneStepLower, prodDatabaseIsEmbedded, readSides } from "./shared";
import { file, inventory, use } from "./test-helpers";

describe("prodDatabaseIsEmbedded", () => {
  it.each([
    { name: "SQLite in prod", uses: [use("prod", "database", "sqlite")], embedded: true },
    {
      name: "SQLite and H2 in prod",
      uses: [use("prod", "database", "sqlite"), use("prod", "database", "h2")],
      embedded: true,
    },
    { name: "PostgreSQL in prod", uses: [use("prod", "database", "postgres", "16")], embedded: false },
    {
      name: "SQLite and PostgreSQL in prod: a server is there",
      uses: [use("prod", "database", "sqlite"), use("prod", "database", "postgres", "16")],
      embedded: false,
    },
    { name: "no prod database (SQLite in dev only)", uses: [use("dev", "database", "sqlite")], embedded: false },
  ])("$name", ({ uses, embedded }) => {
    expect(prodDatabaseIsEmbedded(inventory({ uses }))).toBe(embedded);
  });
});

describe("readSides", () => {
  it.each([
    { name: "nothing read", inv: inventory(), sides: { prod: false, other: false } },
    {
      name: "a dev fact only",
      inv: inventory({ uses: [use("dev", "runtime", "node", "22")] }),
      sides: { prod: false, other: true },
    },
    {
      name: "a prod file with no facts and a CI workflow",
      inv: inventory({
        files: [file("fly.toml", "fly", "prod"), file(".github/workflows/ci.yml", "github-actions", "ci")],
      }),
      sides: { prod: true, other: true },
    },
    {
      name: "prod facts only",
      inv: inventory({ uses: [use("prod", "database", "postgres", "16")] }),
      sides: { prod: true, other: false },
    },
  ])("$name", ({ inv, sides }) => {
    expect(readSides(inv)).toEqual(sides);
  });
});

describe("wording and severity helpers", () => {
  it("lowers a severity one step, info stays info", () => {
    expect(["high", "medium", "low", "info"].map((s) => oneStepLower(s as "high"))).toEqual([
      "medium",
      "low",
      "info",
      "info",
    ]);
  });

  it("lists environments once, in display order", () => {
    expect(environmentList(["ci", "dev", "test", "dev"])).toBe("dev, test and ci");
  });
});
