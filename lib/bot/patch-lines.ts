/**
 * The lines a pull request's diff shows on its new side, from the `patch` GitHub gives per file
 * in `GET /pulls/{n}/files` (hunks only, no `---`/`+++` header). A review comment on the RIGHT
 * side must sit on one of these lines; a suggestion goes only on lines the PR added. Pure.
 */

export interface PatchLines {
  /** New-file line numbers of `+` lines: what the PR wrote. */
  added: Set<number>;
  /** New-file line numbers the diff shows (added and context): where a RIGHT comment may go. */
  right: Set<number>;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

export function patchLines(patch: string | undefined | null): PatchLines {
  const added = new Set<number>();
  const right = new Set<number>();
  if (!patch) return { added, right };
  let line = 0;
  let left = 0;
  for (const raw of patch.split("\n")) {
    const hunk = HUNK.exec(raw);
    if (hunk) {
      line = Number(hunk[1]);
      left = hunk[2] === undefined ? 1 : Number(hunk[2]);
      continue;
    }
    // Before the first hunk, past a hunk's end (a trailing newline), or git's marker line.
    if (left <= 0 || raw.startsWith("\\")) continue;
    const kind = raw[0];
    if (kind === "+") {
      added.add(line);
      right.add(line);
      line += 1;
      left -= 1;
    } else if (kind === " " || raw === "") {
      right.add(line);
      line += 1;
      left -= 1;
    }
    // `-` lines are the old side only.
  }
  return { added, right };
}
