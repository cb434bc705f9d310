import type { Check, CheckInput, CheckOutcome, FindingDraft } from "../types";
import { outcome } from "./shared";

/** Every file path and every directory above it: `Docs/a.md` and `docs/b.md` collide as folders. */
function allPaths(paths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const path of paths) {
    out.add(path);
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i += 1) out.add(parts.slice(0, i).join("/"));
  }
  return [...out];
}

function run({ inventory }: CheckInput): CheckOutcome {
  const groups = new Map<string, string[]>();
  for (const path of allPaths(inventory.paths)) {
    const key = path.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }
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
