/**
 * The words of a fix pull request: its branch, title and body. Pure, so the scorecard's preview
 * and the pull request say the same thing. The body says what changes (each plan's summary), why
 * (each check's rationale), and the scores before and after, as the issue asks; a hidden marker
 * lists the fingerprints so a later click recognises the pull request as its own.
 */
import { checkById } from "../parity/checks/index";
import type { FixScores, OfferedFix } from "../parity/fixes/index";

/** One pull request per repository for the bundle; one per finding otherwise. */
export function fixBranch(fixes: readonly OfferedFix[], bundle: boolean): string {
  if (bundle) return "parity/fixes";
  const [fix] = fixes;
  const fingerprint = (fix?.fingerprint ?? "none").replace(/[^A-Za-z0-9]/g, "").slice(0, 16);
  return `parity/fix-${fix?.check ?? "finding"}-${fingerprint}`;
}

export function fixTitle(fixes: readonly OfferedFix[]): string {
  const [only] = fixes;
  if (fixes.length === 1 && only) return `Parity: ${only.summary}`.slice(0, 200);
  return `Parity: bring dev and CI to prod (${fixes.length} fixes)`;
}

function score(value: number | null): string {
  return value === null ? "–" : String(Math.round(value));
}

function scoreRow(name: string, before: number | null, after: number | null): string {
  const delta = before !== null && after !== null ? Math.round(after) - Math.round(before) : null;
  const change = delta === null || delta === 0 ? "" : ` (${delta > 0 ? "+" : ""}${delta})`;
  return `| ${name} | ${score(before)} | ${score(after)}${change} |`;
}

export interface FixDescription {
  fixes: readonly OfferedFix[];
  before: FixScores;
  after: FixScores;
  /** The audited commit the plans were proven on. */
  commit: string | null;
  /** Where the scorecard lives, when Parity knows its own address. */
  scorecardUrl?: string | null;
}

export function fixBody({ fixes, before, after, commit, scorecardUrl }: FixDescription): string {
  const files = (fix: OfferedFix) => [...new Set(fix.edits.map((edit) => `\`${edit.file}\``))].join(", ");
  const checks = [...new Set(fixes.map((fix) => fix.check))];
  const why = checks.map((id) => {
    const check = checkById(id);
    return check ? `- **${check.title}** (\`${id}\`): ${check.rationale}` : `- \`${id}\``;
  });
  return [
    "Parity found dev or CI running something other than prod, and this change brings them to prod",
    "(twelve-factor app, factor X: dev/prod parity).",
    "",
    "## What changes",
    "",
    ...fixes.map((fix) => `- ${fix.summary} (${files(fix)})`),
    "",
    "## Why",
    "",
    ...why,
    "",
    "## Scores",
    "",
    "| score | before | after |",
    "|---|---|---|",
    scoreRow("overall", before.overall, after.overall),
    scoreRow("tools", before.tools, after.tools),
    "",
    `Each change was proven before it was offered: Parity audited the repository${commit ? ` at ${commit.slice(0, 7)}` : ""} with the change applied, the finding was gone and no new finding appeared. The scores count when an audit reads the merged change.`,
    ...(scorecardUrl ? ["", `Scorecard: ${scorecardUrl}`] : []),
    "",
    `<!-- parity-fix: ${fixes.map((fix) => fix.fingerprint).join(",")} -->`,
  ].join("\n");
}
