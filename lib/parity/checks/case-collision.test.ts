import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseCollision } from "./case-collision";
import { input, inventory } from "./test-helpers";

describe("case-collision", () => {
  it.each([
    {
      name: "two files differ only by case",
      paths: ["public/Avatar.png", "public/avatar.png", "README.md"],
      status: "fail",
      score: 5,
      findings: [["public/Avatar.png and public/avatar.png differ only by letter case", "path:public/avatar.png"]],
    },
    {
      name: "two folders differ only by case: reported once, for the folder",
      paths: ["Docs/setup.md", "docs/setup.md", "docs/api.md"],
      status: "fail",
      score: 5,
      findings: [["Docs and docs differ only by letter case", "path:docs"]],
    },
    {
      name: "two collisions add up",
      paths: ["a/X.ts", "a/x.ts", "b/Y.ts", "b/y.ts"],
      status: "fail",
      score: 0,
      findings: [
        ["a/X.ts and a/x.ts differ only by letter case", "path:a/x.ts"],
        ["b/Y.ts and b/y.ts differ only by letter case", "path:b/y.ts"],
      ],
    },
    {
      name: "distinct paths pass",
      paths: ["src/index.ts", "src/Index.test.ts", "README.md"],
      status: "pass",
      score: 10,
      findings: [],
    },
    { name: "an empty tree", paths: [], status: "not-applicable", score: null, findings: [] },
  ])("$name", ({ paths, status, score, findings }) => {
    const outcome = caseCollision.run(input(inventory({ paths })));
    expect(outcome.status).toBe(status);
    expect(outcome.score).toBe(score);
    expect(outcome.findings.map((f) => [f.message, f.service])).toEqual(findings);
    for (const finding of outcome.findings) expect(finding.environments).toEqual([]);
  });

  it("gives each colliding path as evidence", () => {
    const [finding] = caseCollision.run(input(inventory({ paths: ["Makefile", "makefile"] }))).findings;
    expect(finding?.evidence.map((e) => e.file)).toEqual(["Makefile", "makefile"]);
  });

  it.each([
    { name: "a file against a folder", paths: ["Build", "build/out.js"], service: "path:build" },
    {
      name: "the lower-case spelling only as a folder above folders",
      paths: ["docs/Guide/intro.md", "docs/guide/setup/a.md"],
      service: "path:docs/guide",
    },
    { name: "deep folders, reported at the top", paths: ["A/b/C/x.md", "a/b/c/y.md"], service: "path:a" },
    {
      name: "upper case in a file below a lower-case folder",
      paths: ["lib/Readme.md", "lib/README.md"],
      service: "path:lib/readme.md",
    },
  ])("finds $name", ({ paths, service }) => {
    const outcome = caseCollision.run(input(inventory({ paths })));
    expect(outcome.findings.map((f) => f.service)).toEqual([service]);
  });

  it("reports the same collisions as grouping every path and folder by lower case", () => {
    // The check only groups paths with upper case: compare with the obvious full grouping.
    const naive = (paths: readonly string[]) => {
      const groups = new Map<string, Set<string>>();
      for (const path of paths) {
        const parts = path.split("/");
        for (let depth = 1; depth <= parts.length; depth++) {
          const spelling = parts.slice(0, depth).join("/");
          const key = spelling.toLowerCase();
          groups.set(key, (groups.get(key) ?? new Set()).add(spelling));
        }
      }
      const colliding = [...groups].filter(([, group]) => group.size > 1).map(([key]) => key);
      const parentOf = (key: string) => key.slice(0, Math.max(0, key.lastIndexOf("/")));
      return colliding
        .filter((key) => !colliding.includes(parentOf(key)))
        .map((key) => `path:${key}`)
        .sort();
    };
    const segment = fc.constantFrom("a", "A", "b", "B", "src", "Src", "x.ts", "X.ts");
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/"));
    fc.assert(
      fc.property(fc.array(path, { maxLength: 12 }), (paths) => {
        const outcome = caseCollision.run(input(inventory({ paths })));
        expect(outcome.findings.map((f) => f.service)).toEqual(naive(paths));
      }),
    );
  });
});
