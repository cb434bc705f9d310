import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../parity/fixes/index";
import { patchLines } from "./patch-lines";

/** GitHub's `patch`: the unified diff's hunks without the `---`/`+++` header. */
function githubPatch(before: string | null, after: string): string {
  return unifiedDiff("f", before, after).split("\n").slice(2).join("\n").replace(/\n$/, "");
}

describe("patchLines", () => {
  it.each([
    { name: "no patch (binary or too large)", patch: undefined, added: [], right: [] },
    { name: "a new file", patch: "@@ -0,0 +1,3 @@\n+a\n+b\n+c", added: [1, 2, 3], right: [1, 2, 3] },
    {
      name: "one changed line with context",
      patch:
        "@@ -10,7 +10,7 @@ jobs:\n   test:\n     runs-on: ubuntu-latest\n     services:\n-      image: postgres:16\n+      image: postgres:14\n     steps:\n       - run: npm test",
      added: [13],
      right: [10, 11, 12, 13, 14, 15],
    },
    {
      name: "two hunks, lines added and removed",
      patch: "@@ -1,2 +1,3 @@\n a\n+b\n c\n@@ -20,3 +21,2 @@\n x\n-y\n z",
      added: [2],
      right: [1, 2, 3, 21, 22],
    },
    {
      name: "a hunk with a one-line new side and git's no-newline marker",
      patch: "@@ -1 +1 @@\n-old\n\\ No newline at end of file\n+new\n\\ No newline at end of file",
      added: [1],
      right: [1],
    },
    { name: "a deleted file", patch: "@@ -1,2 +0,0 @@\n-a\n-b", added: [], right: [] },
  ])("$name", ({ patch, added, right }) => {
    const lines = patchLines(patch);
    expect([...lines.added].sort((a, b) => a - b)).toEqual(added);
    expect([...lines.right].sort((a, b) => a - b)).toEqual(right);
  });

  it("agrees with the engine's unified diff on a CI file that gains a service", () => {
    const before = "jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n";
    const after =
      "jobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      postgres:\n        image: postgres:14\n    steps:\n      - run: npm test\n";
    const lines = patchLines(githubPatch(before, after));
    expect([...lines.added]).toEqual([4, 5, 6]);
    expect(after.split("\n")[5]).toContain("postgres:14");
  });
});
