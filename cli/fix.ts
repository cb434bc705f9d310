import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { audit } from "../lib/parity/audit/index";
import { applyToSnapshot, auditCombined, combinePlans, fixFindings, unifiedDiff } from "../lib/parity/fixes/index";
import type { Finding, RepoSnapshot } from "../lib/parity/types";
import { type FixCommand, UsageError } from "./args";
import { loadSnapshot } from "./targets";

/**
 * `parity fix`: plans, proves (a second audit) and writes the fixes of a local checkout, or
 * prints them as a unified diff. What it could not fix goes to standard error with the reason,
 * so `parity fix --format patch | git apply` gets a clean patch.
 */
export async function runFix(command: FixCommand): Promise<number> {
  if (!isDirectory(command.target))
    throw new UsageError(`parity fix works on a local checkout: ${command.target} is not a directory.`);
  const snapshot = await loadSnapshot({ ...command, noHistory: true });
  const now = new Date();
  const report = audit(snapshot, null, now);
  const select = (finding: Finding) =>
    finding.gap === "tools" &&
    (command.checks.length === 0 || command.checks.includes(finding.check)) &&
    (command.findings.length === 0 || command.findings.some((prefix) => finding.fingerprint.startsWith(prefix)));
  const outcome = fixFindings(snapshot, null, now, { report, select });
  const { edits, skipped } = combinePlans(outcome.fixes);
  const fixed = applyToSnapshot(snapshot, edits);
  const patch = diffOf(snapshot, fixed);
  const err = (line: string) => process.stderr.write(`${line}\n`);

  const fixes = outcome.fixes.filter((fix) => !skipped.includes(fix));
  if (command.format === "patch") process.stdout.write(patch);
  else {
    const out = (line: string) => process.stdout.write(`${line}\n`);
    for (const fix of fixes)
      out(`${command.dryRun ? "would fix" : "fixed"}  ${fix.check} ${fix.fingerprint}: ${fix.summary}`);
    if (command.dryRun && patch) out(`\n${patch.trimEnd()}`);
    if (fixes.length === 0) out("nothing to fix mechanically");
    else {
      const after = auditCombined(snapshot, null, now, report, edits);
      out(`tools score ${report.scores.tools ?? "-"} -> ${after.report.scores.tools ?? "-"}`);
      for (const added of after.added) err(`warning  the fixes together bring ${added.check}: ${added.message}`);
    }
  }
  for (const fix of skipped)
    err(`not fixed  ${fix.check} ${fix.fingerprint}: its edits overlap another fix's; run parity fix again`);
  for (const item of outcome.unfixed) err(`not fixed  ${item.check} ${item.fingerprint}: ${item.reason}`);
  const unmatched = command.findings.filter((prefix) => !report.findings.some((f) => f.fingerprint.startsWith(prefix)));
  for (const prefix of unmatched) err(`not fixed  ${prefix}: no finding has this fingerprint`);

  if (command.format === "text" && !command.dryRun) writeChanges(command.target, snapshot, fixed);
  // Asked for by name and not fixed: a failure, like a gate; a general run fixes what it can.
  const named = command.checks.length > 0 || command.findings.length > 0;
  return named && (outcome.unfixed.length > 0 || skipped.length > 0 || unmatched.length > 0) ? 1 : 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The unified diff of every file the fixes change, in path order. */
function diffOf(before: RepoSnapshot, after: RepoSnapshot): string {
  return [...after.files.keys()]
    .sort()
    .map((path) => {
      const content = after.files.get(path) ?? "";
      return before.files.get(path) === content ? "" : unifiedDiff(path, before.files.get(path) ?? null, content);
    })
    .join("");
}

/** Writes the changed files, refusing any that changed on disk since it was read. */
function writeChanges(dir: string, before: RepoSnapshot, after: RepoSnapshot): void {
  for (const [path, content] of after.files) {
    const original = before.files.get(path);
    if (original === content) continue;
    const file = join(dir, path);
    if (original !== undefined && readFileSync(file, "utf8") !== original) {
      throw new Error(`${path} changed while parity fix ran; nothing more was written`);
    }
    writeFileSync(file, content);
  }
}
