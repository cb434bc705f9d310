import { scanPaths } from "../path-scan";
import type { Check, CheckInput, CheckOutcome, FindingDraft } from "../types";
import { outcome } from "./shared";

/**
 * Groups every file path and every directory above it by lower case, keeping only groups with
 * more than one spelling (`Docs/a.md` and `docs/b.md` collide as folders).
 *
 * Two different spellings with one lower case cannot both be lower case, so only paths with an
 * upper-case letter start a group: the shared path scan (path-scan.ts) lists them, from the one
 * pass over every path that the formats' path index makes anyway. The all-lower-case spelling,
 * when it exists, is the group's key itself (see `existingSpellings`).
 */
function caseGroups(paths: readonly string[]): Map<string, string[]> {
  const scan = scanPaths(paths);
  const spellings = new Map<string, Set<string>>();
  const visitedDirectories = new Set<string>();
  const add = (spelling: string, key: string) => {
    const group = spellings.get(key);
    if (group) group.add(spelling);
    else spellings.set(key, new Set([spelling]));
  };
  for (const path of scan.mixedCase) {
    add(path, path.toLowerCase());
    // Deepest first; a lower-case directory has only lower-case ones above it, so stop there.
    for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) {
      const directory = path.slice(0, slash);
      const lowerDirectory = directory.toLowerCase();
      if (lowerDirectory === directory || visitedDirectories.has(directory)) break;
      visitedDirectories.add(directory);
      add(directory, lowerDirectory);
    }
  }
  const groups = new Map<string, string[]>();
  if (spellings.size === 0) return groups;
  const existing = existingSpellings(paths, scan.firstChars, spellings.keys());
  for (const [key, group] of spellings) {
    if (existing.has(key)) group.add(key);
    if (group.size > 1) groups.set(key, [...group]);
  }
  return groups;
}

/**
 * Which of `keys` exist as a path or a folder. One pass; only paths under a key's top folder
 * (compared in place, by length first) are sliced into their folders, so a monorepo's 100,000
 * paths cost a string comparison each rather than a Set of every folder. Paths whose first
 * character no key starts with are skipped on the scan's typed array, without reading the
 * string at all (in a monorepo, `services/` keys rule out the `packages/` majority).
 */
function existingSpellings(paths: readonly string[], firstChars: Uint16Array, keys: Iterable<string>): Set<string> {
  const wanted = new Set(keys);
  const topsByLength = new Map<number, string[]>();
  // A flag per UTF-16 unit, read once per path: cheaper than a Set lookup 100,000 times.
  const keyFirstChars = new Uint8Array(65536);
  for (const key of wanted) {
    const slash = key.indexOf("/");
    const top = slash < 0 ? key : key.slice(0, slash);
    keyFirstChars[key.charCodeAt(0)] = 1;
    const tops = topsByLength.get(top.length);
    if (!tops) topsByLength.set(top.length, [top]);
    else if (!tops.includes(top)) tops.push(top);
  }
  const found = new Set<string>();
  for (let i = 0; i < paths.length; i++) {
    if (keyFirstChars[firstChars[i] as number] === 0) continue;
    const path = paths[i] as string;
    const firstSlash = path.indexOf("/");
    const tops = topsByLength.get(firstSlash < 0 ? path.length : firstSlash);
    if (!tops || !startsWithAny(path, tops)) continue;
    if (wanted.has(path)) found.add(path);
    for (let slash = firstSlash; slash > 0; slash = path.indexOf("/", slash + 1)) {
      const folder = path.slice(0, slash);
      if (wanted.has(folder)) found.add(folder);
    }
  }
  return found;
}

/** A loop rather than `tops.some(...)`: no closure allocated per path. */
function startsWithAny(path: string, prefixes: readonly string[]): boolean {
  for (const prefix of prefixes) if (path.startsWith(prefix)) return true;
  return false;
}

function run({ inventory }: CheckInput): CheckOutcome {
  const groups = caseGroups(inventory.paths);
  const findings: FindingDraft[] = [];
  // Sorted by key: the order of the snapshot's paths must not change the report.
  for (const [key, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
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
