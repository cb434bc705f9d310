import { z } from "zod";

/**
 * The rules of the real-world evaluation (README.md beside this file), as pure functions: which
 * label a finding matches, which verdict judges it, and the numbers. No I/O, so the rules have
 * a test table of their own and the runner only reads files and prints.
 */

const Side = z.object({
  env: z.enum(["dev", "test", "ci", "staging", "prod"]),
  file: z.string().nullable().optional(),
  line: z.number().int().nullable().optional(),
  value: z.string().nullable().optional(),
});

const Label = z.object({
  id: z.string(),
  check: z.string(),
  service: z.string(),
  severity: z.enum(["high", "medium", "low"]),
  summary: z.string(),
  sides: z.array(Side).default([]),
});

const Verdict = z.object({
  check: z.string(),
  files: z.array(z.string()).default([]),
  match: z.string().optional(),
  // `verdict: false` unquoted is a YAML boolean: read it as the word.
  /** A `true` verdict on a finding that reports this label's mismatch, citing other places. */
  covers: z.string().optional(),
  verdict: z.preprocess(
    (value) => (typeof value === "boolean" ? String(value) : value),
    z.enum(["true", "noise", "false"]),
  ),
  why: z.string(),
});

export const LabelFile = z.object({
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  stack: z.string().optional(),
  deploy: z.string().optional(),
  notes: z.string().optional(),
  labels: z
    .array(Label)
    .nullable()
    .transform((labels) => labels ?? []),
  verdicts: z
    .array(Verdict)
    .nullish()
    .transform((verdicts) => verdicts ?? []),
});

export type LabelFile = z.infer<typeof LabelFile>;
export type Label = z.infer<typeof Label>;
export type Verdict = z.infer<typeof Verdict>;

/** What the evaluation needs of a finding (a subset of the engine's `Finding`). */
export interface JudgedFinding {
  check: string;
  severity: string;
  message: string;
  service?: string;
  evidence: readonly { environment: string | null; file: string; line: number }[];
}

export type Judgement = { kind: "label"; label: Label } | { kind: "verdict"; verdict: Verdict } | { kind: "unjudged" };

/** `database:postgres` -> `database`; `runtime:node` -> `runtime`; labels may say either form. */
function serviceKind(service: string | undefined): string | null {
  if (!service || service === "-") return null;
  return service.split(":")[0] ?? null;
}

/** How far a finding's evidence line may be from the label's: a block's key vs its value. */
const LINE_TOLERANCE = 3;

/**
 * Same check, same service kind, and every side of the label that names a file is cited by the
 * finding's evidence: same file, and a line within LINE_TOLERANCE of the side's (any line when
 * the side gives none). A finding that cites other places for the same problem is judged by a
 * verdict instead, so a wrong reason cannot pass as a found label.
 */
export function matchesLabel(finding: JudgedFinding, label: Label): boolean {
  if (finding.check !== label.check) return false;
  const labelKind = serviceKind(label.service);
  const findingKind = serviceKind(finding.service);
  if (labelKind && findingKind && labelKind !== findingKind) return false;
  const sides = label.sides.filter((side) => side.file != null);
  if (sides.length === 0) return false;
  return sides.every((side) =>
    finding.evidence.some(
      (evidence) =>
        evidence.file === side.file && (side.line == null || Math.abs(evidence.line - side.line) <= LINE_TOLERANCE),
    ),
  );
}

export function matchesVerdict(finding: JudgedFinding, verdict: Verdict): boolean {
  if (finding.check !== verdict.check) return false;
  const files = new Set(finding.evidence.map((evidence) => evidence.file));
  if (!verdict.files.every((file) => files.has(file))) return false;
  return verdict.match === undefined || finding.message.includes(verdict.match);
}

/** A label explains a finding first; a verdict judges the rest; anything else is unjudged. */
export function judge(finding: JudgedFinding, file: LabelFile): Judgement {
  const label = file.labels.find((candidate) => matchesLabel(finding, candidate));
  if (label) return { kind: "label", label };
  const verdict = file.verdicts.find((candidate) => matchesVerdict(finding, candidate));
  if (verdict) return { kind: "verdict", verdict };
  return { kind: "unjudged" };
}

export interface RepoResult {
  repo: string;
  labels: number;
  found: number;
  labelsHighMedium: number;
  foundHighMedium: number;
  missed: Label[];
  /** Findings by how they were judged. */
  truePositives: number;
  noise: number;
  falsePositives: number;
  falseHigh: number;
  unjudged: JudgedFinding[];
  judged: { finding: JudgedFinding; judgement: Judgement }[];
}

export function evaluateRepo(file: LabelFile, findings: readonly JudgedFinding[]): RepoResult {
  const judged = findings.map((finding) => ({ finding, judgement: judge(finding, file) }));
  const found = new Set<string>();
  for (const { judgement } of judged) {
    if (judgement.kind === "label") found.add(judgement.label.id);
    else if (judgement.kind === "verdict" && judgement.verdict.verdict === "true" && judgement.verdict.covers) {
      found.add(judgement.verdict.covers);
    }
  }
  const highMedium = file.labels.filter((label) => label.severity !== "low");
  const count = (verdict: Verdict["verdict"]) =>
    judged.filter(({ judgement }) => judgement.kind === "verdict" && judgement.verdict.verdict === verdict).length;
  return {
    repo: file.repo,
    labels: file.labels.length,
    found: found.size,
    labelsHighMedium: highMedium.length,
    foundHighMedium: highMedium.filter((label) => found.has(label.id)).length,
    missed: file.labels.filter((label) => !found.has(label.id)),
    truePositives: judged.filter(({ judgement }) => judgement.kind === "label").length + count("true"),
    noise: count("noise"),
    falsePositives: count("false"),
    falseHigh: judged.filter(
      ({ finding, judgement }) =>
        finding.severity === "high" && judgement.kind === "verdict" && judgement.verdict.verdict === "false",
    ).length,
    unjudged: judged.filter(({ judgement }) => judgement.kind === "unjudged").map(({ finding }) => finding),
    judged,
  };
}

export interface Totals {
  repos: number;
  labels: number;
  found: number;
  labelsHighMedium: number;
  foundHighMedium: number;
  findings: number;
  truePositives: number;
  noise: number;
  falsePositives: number;
  falseHigh: number;
  unjudged: number;
  recall: number | null;
  recallHighMedium: number | null;
  precision: number | null;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function totals(results: readonly RepoResult[]): Totals {
  const sum = (pick: (result: RepoResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  const labels = sum((result) => result.labels);
  const found = sum((result) => result.found);
  const labelsHighMedium = sum((result) => result.labelsHighMedium);
  const foundHighMedium = sum((result) => result.foundHighMedium);
  const truePositives = sum((result) => result.truePositives);
  const noise = sum((result) => result.noise);
  const falsePositives = sum((result) => result.falsePositives);
  const unjudged = sum((result) => result.unjudged.length);
  return {
    repos: results.length,
    labels,
    found,
    labelsHighMedium,
    foundHighMedium,
    findings: truePositives + noise + falsePositives + unjudged,
    truePositives,
    noise,
    falsePositives,
    falseHigh: sum((result) => result.falseHigh),
    unjudged,
    recall: ratio(found, labels),
    recallHighMedium: ratio(foundHighMedium, labelsHighMedium),
    precision: ratio(truePositives, truePositives + noise + falsePositives),
  };
}
