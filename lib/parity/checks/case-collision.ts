import type { Check, CheckInput, CheckOutcome, FindingDraft } from "../types";
import { outcome } from "./shared";

/**
 * Groups every file path and every directory above it by lower case, keeping only groups with
 * more than one spelling (`Docs/a.md` and `docs/b.md` collide as folders). Linear in the paths:
 * directories are visited once, from the deepest up, stopping at the first one already seen.
 */
function caseGroups(paths: readonly string[]): Map<string, string[]> {
  const firstSpelling = new Map<string, string>();
  const groups = new Map<string, string[]>();
  const visitedDirectories = new Set<string>();
  const add = (path: string) => {
    const key = path.toLowerCase();
    const first = firstSpelling.get(key);
    if (first === undefined) {
      firstSpelling.set(key, path);
      return;
    }
    if (first === path) return;
    const group = groups.get(key) ?? [first];
    if (!group.includes(path)) group.push(path);
    groups.set(key, group);
  };
  for (const path of paths) {
    add(path);
    for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) {
      const directory = path.slice(0, slash);
      if (visitedDirectories.has(directory)) break;
      visitedDirectories.add(directory);
      add(directory);
    }
  }
  return groups;
}

function run({ inventory }: CheckInput): CheckOutcome {
  const groups = caseGroups(inventory.paths);
  const findings: FindingDraft[] = [];
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    // Files under colliding folders collide too; reporting the folder once says it all.
    const parent = key.includes("/") ? key.slice(0, key.lastIndexOf("/")) : null;
    if (parent !== null && (groups.get(parent)?.length ?? 0) > 1) continue;
    const sorted = [...group].sort();
    findings.push({
      message: `${sorted.join(" and ")} differ only by letter case`,
      evidence: sorted.map((path) => ({ environment: null, file: path, line: 1, value: path })),
      service: `path:${key}`,
      environments: [],
    });
  }
  return outcome({
    findings,
    defaultSeverity: "medium",
    compared: inventory.paths.length > 0 ? 1 : 0,
    passSummary: `no two of ${inventory.paths.length} paths differ only by case`,
    notApplicableSummary: "no paths",
  });
}

export const caseCollision = {
  id: "case-collision",
  gap: "tools",
  severity: "medium",
  level: null,
  title: "No paths that differ only by letter case",
  rationale:
    "macOS and Windows file systems are case-insensitive by default; Linux, S3 and production containers " +
    "are not. Two paths that differ only by case overwrite each other in a Mac or Windows checkout, so " +
    "developers edit one file while production serves the other, and git shows phantom changes. The same " +
    "difference hides the reverse bug: code that opens `Avatar.png` as `avatar.png` works on the laptop " +
    "and fails on Linux and S3.",
  remediation:
    "Rename one of the paths (`git mv`) so no two differ only by case, and fix references to it; keep " +
    "file-name case consistent in code that builds paths or object keys.",
  run,
} satisfies Check;
