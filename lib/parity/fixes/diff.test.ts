import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "./diff";

/** Applies `patch` with git to a file holding `before`; returns the result. */
function gitApply(before: string | null, patch: string): string {
  const dir = mkdtempSync(join(tmpdir(), "parity-diff-"));
  try {
    if (before !== null) writeFileSync(join(dir, "f.txt"), before);
    writeFileSync(join(dir, "p.diff"), patch);
    execFileSync("git", ["apply", "--unidiff-zero", "p.diff"], { cwd: dir, stdio: "pipe" });
    return readFileSync(join(dir, "f.txt"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("unifiedDiff", () => {
  it("prints a one-line change with three lines of context", () => {
    const before = "a\nb\nc\nd\ne\nf\ng\n";
    const after = "a\nb\nc\nD\ne\nf\ng\n";
    expect(unifiedDiff("f.txt", before, after)).toBe(
      "--- a/f.txt\n+++ b/f.txt\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n",
    );
  });

  it("is empty when nothing changed", () => {
    expect(unifiedDiff("f.txt", "x\n", "x\n")).toBe("");
  });

  it("marks a missing final newline and a new file", () => {
    expect(unifiedDiff("f.txt", "18", "20")).toBe(
      "--- a/f.txt\n+++ b/f.txt\n@@ -1 +1 @@\n-18\n\\ No newline at end of file\n+20\n\\ No newline at end of file\n",
    );
    expect(unifiedDiff("f.txt", null, "x\n")).toBe("--- /dev/null\n+++ b/f.txt\n@@ -0,0 +1 @@\n+x\n");
    expect(gitApply(null, unifiedDiff("f.txt", null, "services:\n  redis: {}\n"))).toBe("services:\n  redis: {}\n");
  });

  it("keeps CRLF lines as they are", () => {
    const patch = unifiedDiff("f.txt", "a\r\nb\r\n", "a\r\nc\r\n");
    expect(patch).toContain("-b\r\n+c\r\n");
    expect(gitApply("a\r\nb\r\n", patch)).toBe("a\r\nc\r\n");
  });

  it("git applies what it prints (random line edits)", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c", "image: postgres:14", ""), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, fc.boolean(), (a, b, newline) => {
        const before = a.join("\n") + (newline && a.length > 0 ? "\n" : "");
        const after = b.join("\n") + (b.length > 0 ? "\n" : "");
        const patch = unifiedDiff("f.txt", before, after);
        if (patch === "") return before === after;
        return gitApply(before, patch) === after;
      }),
      { numRuns: 60 },
    );
  });
});
