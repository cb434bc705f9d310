import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { audit } from "../../lib/parity/audit/index";
import { readLocalSnapshot } from "../../lib/sources/local/index";
import { evaluateRepo, type JudgedFinding, LabelFile, type RepoResult, totals } from "./judge";

/**
 * `npm run eval:real -- --checkouts DIR [--repo owner/name] [--json]`: audits every labelled
 * repository found on disk as DIR/<owner>__<name> and prints recall, precision, the labels no
 * finding matched and the findings nobody has judged yet (README.md beside this file).
 */

const LABELS_DIR = resolve(import.meta.dirname, "labels");
const AUDITED_AT = new Date("2026-12-01T00:00:00Z");

/** Label files that do not validate: reported and skipped, so one bad file does not hide the rest. */
const invalid: string[] = [];

function readLabelFiles(only: string | undefined): LabelFile[] {
  const files: LabelFile[] = [];
  const wanted = only ? `${only.replace("/", "__")}.yml`.toLowerCase() : null;
  for (const name of readdirSync(LABELS_DIR)
    .filter((entry) => entry.endsWith(".yml"))
    .sort()) {
    if (wanted && name.toLowerCase() !== wanted) continue;
    const path = join(LABELS_DIR, name);
    let parsed: ReturnType<typeof LabelFile.safeParse>;
    try {
      parsed = LabelFile.safeParse(parse(readFileSync(path, "utf8")));
    } catch (error) {
      invalid.push(`${name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      continue;
    }
    if (!parsed.success) {
      const problem = parsed.error.issues[0];
      invalid.push(`${name}: ${problem?.path.join(".") ?? ""} ${problem?.message ?? "invalid"}`);
      continue;
    }
    if (name !== `${parsed.data.repo.replace("/", "__")}.yml`) {
      invalid.push(`${name}: the file name must be ${parsed.data.repo.replace("/", "__")}.yml`);
      continue;
    }
    files.push(parsed.data);
  }
  return files;
}

async function auditCheckout(
  dir: string,
  repository: string,
): Promise<{ findings: JudgedFinding[]; tools: number | null }> {
  const snapshot = await readLocalSnapshot({ dir });
  // The checkout folder is `owner__name`; the repository's name is what a hosted audit knows.
  const report = audit({ ...snapshot, repository, history: undefined }, null, AUDITED_AT);
  return { findings: report.findings.filter((finding) => !finding.suppressed), tools: report.scores.tools };
}

const percent = (value: number | null) => (value === null ? "n/a" : `${(value * 100).toFixed(1)}%`);

function where(finding: JudgedFinding): string {
  return finding.evidence
    .map((evidence) => `${evidence.environment ?? "-"}:${evidence.file}:${evidence.line}`)
    .join(" ");
}

function printRepo(result: RepoResult, tools: number | null, verbose: boolean): void {
  const precisionOf = result.truePositives + result.noise + result.falsePositives;
  process.stdout.write(
    `\n${result.repo}  tools ${tools ?? "-"}  labels ${result.found}/${result.labels} found` +
      `  findings ${result.judged.length}: ${result.truePositives} true, ${result.noise} noise, ` +
      `${result.falsePositives} false, ${result.unjudged.length} unjudged` +
      (precisionOf ? `  precision ${percent(result.truePositives / precisionOf)}` : "") +
      "\n",
  );
  for (const label of result.missed) {
    process.stdout.write(`  missed  [${label.severity}] ${label.check} ${label.id}: ${label.summary}\n`);
  }
  for (const finding of result.unjudged) {
    process.stdout.write(
      `  unjudged [${finding.severity}] ${finding.check}: ${finding.message}  (${where(finding)})\n`,
    );
  }
  if (!verbose) return;
  for (const { finding, judgement } of result.judged) {
    const how =
      judgement.kind === "label"
        ? `label ${judgement.label.id}`
        : judgement.kind === "verdict"
          ? `${judgement.verdict.verdict}: ${judgement.verdict.why}`
          : "unjudged";
    process.stdout.write(
      `  finding [${finding.severity}] ${finding.check}: ${finding.message}  (${where(finding)}) -> ${how}\n`,
    );
  }
}

/** Per check: findings by judgement, and labels missed, so the worst check is plain to see. */
function printByCheck(results: readonly RepoResult[]): void {
  const rows = new Map<
    string,
    { label: number; true: number; noise: number; false: number; unjudged: number; missed: number }
  >();
  const row = (check: string) => {
    let found = rows.get(check);
    if (!found) {
      found = { label: 0, true: 0, noise: 0, false: 0, unjudged: 0, missed: 0 };
      rows.set(check, found);
    }
    return found;
  };
  for (const result of results) {
    for (const { finding, judgement } of result.judged) {
      const entry = row(finding.check);
      if (judgement.kind === "label") entry.label++;
      else if (judgement.kind === "verdict") entry[judgement.verdict.verdict]++;
      else entry.unjudged++;
    }
    for (const label of result.missed) row(label.check).missed++;
  }
  process.stdout.write("\ncheck                   label  true noise false unjudged | labels missed\n");
  for (const [check, entry] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const cells = [entry.label, entry.true, entry.noise, entry.false, entry.unjudged].map((n) => String(n).padStart(5));
    process.stdout.write(`${check.padEnd(22)} ${cells.join(" ")}    | ${String(entry.missed).padStart(5)}\n`);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { checkouts: { type: "string" }, repo: { type: "string" }, json: { type: "boolean" } },
  });
  if (!values.checkouts) {
    process.stderr.write("usage: npm run eval:real -- --checkouts DIR [--repo owner/name] [--json]\n");
    return 2;
  }
  const labelFiles = readLabelFiles(values.repo);
  const results: RepoResult[] = [];
  const absent: string[] = [];
  const silentHigh: string[] = [];
  for (const file of labelFiles) {
    const dir = join(values.checkouts, file.repo.replace("/", "__"));
    if (!existsSync(dir)) {
      absent.push(file.repo);
      continue;
    }
    const { findings, tools } = await auditCheckout(dir, file.repo);
    const result = evaluateRepo(file, findings);
    results.push(result);
    if (tools === 100 && file.labels.some((label) => label.severity === "high")) silentHigh.push(file.repo);
    if (!values.json) printRepo(result, tools, Boolean(values.repo));
  }
  const sum = totals(results);
  if (!values.json && !values.repo) printByCheck(results);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...sum, absent, silentHigh, invalid }, null, 2)}\n`);
    return invalid.length ? 1 : 0;
  }
  for (const line of invalid) process.stdout.write(`\ninvalid label file ${line}\n`);
  process.stdout.write(
    `\n${sum.repos} repositories (${absent.length} not on disk${absent.length ? `: ${absent.join(", ")}` : ""})\n` +
      `recall ${percent(sum.recall)} (${sum.found}/${sum.labels}); high+medium ${percent(sum.recallHighMedium)} (${sum.foundHighMedium}/${sum.labelsHighMedium})\n` +
      `precision ${percent(sum.precision)}: ${sum.findings} findings, ${sum.truePositives} true, ${sum.noise} noise, ` +
      `${sum.falsePositives} false (${sum.falseHigh} false high), ${sum.unjudged} unjudged\n` +
      `repositories with a labelled high mismatch scoring tools 100: ${silentHigh.length ? silentHigh.join(", ") : "none"}\n`,
  );
  return invalid.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval:real: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
