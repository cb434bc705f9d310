import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fixtureRepos } from "../../lib/parity/__tests__/fixture-repos";
import { audit } from "../../lib/parity/audit/index";
import { auditCombined, combinePlans, fixFindings } from "../../lib/parity/fixes/index";
import type { RepoSnapshot } from "../../lib/parity/types";
import { readLocalSnapshot } from "../../lib/sources/local/index";

/**
 * `npx tsx eval/fix/run.ts [--checkouts DIR] [--repo owner/name] [--verbose]` (issue 17 item 7):
 * on the project's fixtures and on the checkouts found as DIR/<owner>__<name>, the share of open
 * tools-gap findings that get a verified fix plan, and the tools score before and after applying
 * every plan, in memory (the checkouts are only read).
 */

const AUDITED_AT = new Date("2026-12-01T00:00:00Z");

interface RepoFigures {
  name: string;
  findings: number;
  fixed: number;
  before: number | null;
  after: number | null;
  byCheck: Map<string, { findings: number; fixed: number }>;
  reasons: string[];
  /** Findings the plans bring together that none brought alone (should be none). */
  added: string[];
}

function measure(name: string, snapshot: RepoSnapshot): RepoFigures {
  const report = audit(snapshot, null, AUDITED_AT);
  const open = (gap: string, suppressed: boolean) => gap === "tools" && !suppressed;
  const outcome = fixFindings(snapshot, null, AUDITED_AT, {
    report,
    select: (finding) => open(finding.gap, finding.suppressed),
  });
  const { edits } = combinePlans(outcome.fixes);
  const combined = edits.length > 0 ? auditCombined(snapshot, null, AUDITED_AT, report, edits) : null;
  const after = combined?.report ?? report;
  const byCheck = new Map<string, { findings: number; fixed: number }>();
  for (const finding of report.findings) {
    if (!open(finding.gap, finding.suppressed)) continue;
    const entry = byCheck.get(finding.check) ?? { findings: 0, fixed: 0 };
    entry.findings += 1;
    if (outcome.fixes.some((fix) => fix.fingerprint === finding.fingerprint)) entry.fixed += 1;
    byCheck.set(finding.check, entry);
  }
  return {
    name,
    findings: [...byCheck.values()].reduce((sum, entry) => sum + entry.findings, 0),
    fixed: outcome.fixes.length,
    before: report.scores.tools,
    after: after.scores.tools,
    byCheck,
    reasons: outcome.unfixed.map((item) => `${item.check}: ${item.reason}`),
    added: (combined?.added ?? []).map((finding) => `${finding.check}: ${finding.message}`),
  };
}

function fixtureSnapshots(): { name: string; snapshot: RepoSnapshot }[] {
  return fixtureRepos().map((repo) => ({
    name: `fixture ${repo.name}`,
    snapshot: {
      repository: repo.name,
      defaultBranch: null,
      commit: null,
      paths: Object.keys(repo.files).sort(),
      files: new Map(Object.entries(repo.files)),
    },
  }));
}

async function checkoutSnapshots(dir: string, only: string | undefined) {
  const out: { name: string; snapshot: RepoSnapshot }[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory() || !entry.includes("__")) continue;
    const repository = entry.replace("__", "/");
    if (only && repository.toLowerCase() !== only.toLowerCase()) continue;
    const snapshot = await readLocalSnapshot({ dir: path });
    out.push({ name: repository, snapshot: { ...snapshot, repository, history: undefined } });
  }
  return out;
}

const percent = (part: number, whole: number) => (whole === 0 ? "n/a" : `${((part / whole) * 100).toFixed(1)}%`);
const mean = (values: (number | null)[]) => {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? "n/a" : (known.reduce((sum, value) => sum + value, 0) / known.length).toFixed(1);
};

function summarise(title: string, figures: RepoFigures[], verbose: boolean): void {
  process.stdout.write(`\n== ${title} (${figures.length} repositories)\n`);
  for (const repo of figures) {
    if (repo.findings === 0 && !verbose) continue;
    process.stdout.write(
      `${repo.name}  tools findings ${repo.findings}, verified plans ${repo.fixed}  tools ${repo.before ?? "-"} -> ${repo.after ?? "-"}\n`,
    );
    if (verbose) for (const reason of repo.reasons) process.stdout.write(`    no plan  ${reason}\n`);
    for (const added of repo.added) process.stdout.write(`    NEW after all plans  ${added}\n`);
  }
  const findings = figures.reduce((sum, repo) => sum + repo.findings, 0);
  const fixed = figures.reduce((sum, repo) => sum + repo.fixed, 0);
  const checks = new Map<string, { findings: number; fixed: number }>();
  for (const repo of figures) {
    for (const [check, entry] of repo.byCheck) {
      const total = checks.get(check) ?? { findings: 0, fixed: 0 };
      total.findings += entry.findings;
      total.fixed += entry.fixed;
      checks.set(check, total);
    }
  }
  process.stdout.write(`by check:\n`);
  for (const [check, entry] of [...checks].sort((a, b) => b[1].findings - a[1].findings)) {
    process.stdout.write(`  ${check.padEnd(24)} ${entry.fixed}/${entry.findings}\n`);
  }
  const improved = figures.filter((repo) => (repo.after ?? 0) > (repo.before ?? 0)).length;
  const added = figures.reduce((sum, repo) => sum + repo.added.length, 0);
  process.stdout.write(
    `open tools findings with a verified plan: ${percent(fixed, findings)} (${fixed}/${findings})\n` +
      `mean tools score before ${mean(figures.map((repo) => repo.before))}, after ${mean(figures.map((repo) => repo.after))}` +
      ` (${improved} repositories improved; ${added} new findings with all plans applied together)\n`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { checkouts: { type: "string" }, repo: { type: "string" }, verbose: { type: "boolean", default: false } },
  });
  const verbose = values.verbose === true;
  if (!values.repo) {
    const fixtures = fixtureSnapshots();
    const shop = await readLocalSnapshot({ dir: resolve(import.meta.dirname, "../../cli/__fixtures__/shop") });
    fixtures.unshift({ name: "fixture cli/shop", snapshot: { ...shop, history: undefined } });
    summarise(
      "fixtures",
      fixtures.map(({ name, snapshot }) => measure(name, snapshot)),
      verbose,
    );
  }
  if (values.checkouts) {
    if (!existsSync(values.checkouts)) throw new Error(`${values.checkouts} does not exist`);
    const checkouts = await checkoutSnapshots(values.checkouts, values.repo);
    summarise(
      "checkouts",
      checkouts.map(({ name, snapshot }) => measure(name, snapshot)),
      verbose,
    );
  }
}

await main();
