import { adjustForSuppressions, gapScore, overallScore, scoreReport } from "../parity/audit/score";
import type { Finding, Gap, Level, Report } from "../parity/types";
import { GAPS, LEVELS } from "../parity/types";

/**
 * What fixing one finding adds to its repository's scores, computed by the engine's own scoring
 * (lib/parity/audit/score.ts), never estimated: the report's checks are scored again with that one
 * finding taken out of the score (marked suppressed, which `adjustForSuppressions` turns into
 * exactly what a re-audit without the finding scores: the check passes with 10 when it was the
 * check's last finding, else gets back that finding's penalty), and compared with the same
 * checks scored as they are. Both sides go through the same function, so the difference is the
 * finding's alone.
 */

export type Scores = Report["scores"];

export interface FindingGain {
  finding: Finding;
  /** The finding's place in its report: fingerprints may repeat within one report. */
  position: number;
  /** Points each score gains, as the scorecard shows them (rounded scores, after minus before). */
  gain: Scores;
  /** Unrounded gain of the overall score: ranks findings whose rounded gains tie. */
  exactOverall: number;
  /** The level reached after the fix, when it is higher than now. */
  levelAfter: Level | null;
}

type ScoredReport = Pick<Report, "checks" | "findings" | "scores" | "nextLevel">;

const SOMETHING_TO_COMPARE = "Something to compare";

/** The audit could not read one side: the tools score is withheld (see `nothingToCompare`). */
function sidesOf(report: ScoredReport) {
  const missing = report.nextLevel?.needs.some((need) => need.startsWith(SOMETHING_TO_COMPARE)) ?? false;
  return missing ? { prod: false, other: true } : { prod: true, other: true };
}

function exact(report: ScoredReport, findings: Finding[]) {
  return scoreReport(report.checks, findings, undefined, sidesOf(report));
}

function difference(after: number | null, before: number | null): number | null {
  if (after === null) return null;
  return after - (before ?? 0);
}

function levelRank(level: Level | null): number {
  return level === null ? -1 : LEVELS.indexOf(level);
}

/** One entry per open finding of the report, in the report's order. */
export function findingGains(report: ScoredReport): FindingGain[] {
  const before = exact(report, report.findings);
  return report.findings.flatMap((finding, index) => {
    if (finding.suppressed) return [];
    const without = report.findings.map((other, at) => (at === index ? { ...other, suppressed: true } : other));
    const after = exact(report, without);
    const gain = Object.fromEntries(
      (["overall", ...GAPS] as const).map((key) => [key, difference(after.scores[key], before.scores[key])]),
    ) as Scores;
    return [
      {
        finding,
        position: index,
        gain,
        exactOverall: overallExact(report, without) - overallExact(report, report.findings),
        levelAfter: levelRank(after.level) > levelRank(before.level) ? after.level : null,
      },
    ];
  });
}

/**
 * The overall score before rounding, for ties: the same steps as `scoreReport` (suppressions,
 * gap scores, weights), stopping short of its rounding.
 */
function overallExact(report: ScoredReport, findings: Finding[]): number {
  const adjusted = adjustForSuppressions(report.checks, findings);
  const toolsShown = sidesOf(report).prod;
  return (
    overallScore({
      tools: toolsShown ? gapScore(adjusted, "tools") : null,
      time: gapScore(adjusted, "time"),
      personnel: gapScore(adjusted, "personnel"),
    }) ?? 0
  );
}

/** "+12 tools": the finding's own gap first, then any other gap it moves. */
export function gainWords(gain: Scores, gap: Gap): string {
  const parts: string[] = [];
  const own = gain[gap];
  if (own !== null && own !== 0) parts.push(`+${own} ${GAP_WORD[gap]}`);
  for (const other of GAPS) {
    const points = gain[other];
    if (other !== gap && points !== null && points !== 0) parts.push(`+${points} ${GAP_WORD[other]}`);
  }
  return parts.length > 0 ? parts.join(", ") : "no score change";
}

export const GAP_WORD: Record<Gap, string> = { tools: "tools", time: "time", personnel: "people" };
