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
});
