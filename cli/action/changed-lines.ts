import { execFile } from "node:child_process";
import { promisify } from "node:util";

/**
 * The lines a change adds or modifies, by file: what the Action annotates (a finding on a line the
 * pull request did not touch is in the summary, not in the diff view).
 */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number>>;

/** New-side line numbers of added lines in a `git diff --unified=0` (renames keep the new path). */
export function parseUnifiedDiff(diff: string): ChangedLines {
  const changed = new Map<string, Set<number>>();
  let file: string | null = null;
  let line = 0;
  for (const text of diff.split("\n")) {
    if (text.startsWith("+++ ")) {
      const target = text.slice(4).trim();
      file = target === "/dev/null" ? null : target.replace(/^b\//, "");
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    if (file === null || text.startsWith("--- ")) continue;
    if (text.startsWith("+")) {
      const lines = changed.get(file) ?? new Set<number>();
      lines.add(line);
      changed.set(file, lines);
      line++;
    } else if (text.startsWith(" ")) line++;
  }
  return changed;
}

const run = promisify(execFile);

/** Lines changed between two commits of the checkout in `dir`, or null when git cannot tell (a shallow clone). */
export async function changedLinesBetween(dir: string, base: string, head: string): Promise<ChangedLines | null> {
  try {
    const { stdout } = await run("git", ["diff", "--unified=0", "--no-color", "--no-ext-diff", `${base}...${head}`], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    });
    return parseUnifiedDiff(stdout);
  } catch {
    return null;
  }
}
