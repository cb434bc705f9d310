import { analyzeHistory, type HistoryContext, isProductionEnvironment } from "../../history";
import type { CheckInput, CheckOutcome, Evidence, FindingDraft } from "../../types";

/** What the scorecard says when no deploy is visible (docs/parity-model.md §3). */
export const MAKE_DEPLOYS_VISIBLE =
  "Make production deploys visible: create GitHub Deployments from the deploy step, or give the " +
  "deploy job `environment: production` so each run is recorded as a deployment.";

/** Share-based checks (automatic deploys, self-deploys) pass from this share up. */
export const SHARE_PASS = 0.8;

export function unknownOutcome(summary: string, metrics?: CheckOutcome["metrics"]): CheckOutcome {
  return { status: "unknown", score: null, summary, findings: [], ...(metrics ? { metrics } : {}) };
}

/**
 * The history context, or the `unknown` outcome every time and personnel check gives without
 * history or without any production deploy signal.
 */
export function prepare(input: CheckInput): { ctx: HistoryContext } | { outcome: CheckOutcome } {
  if (!input.history) {
    return { outcome: unknownOutcome(`No commit or deploy history was read. ${MAKE_DEPLOYS_VISIBLE}`) };
  }
  const ctx = analyzeHistory(input.history, input.config.production, input.now);
  if (!ctx.signal) {
    return {
      outcome: unknownOutcome(`No production deploys found. ${MAKE_DEPLOYS_VISIBLE}`, { signal: null }),
    };
  }
  return { ctx };
}

/** Metrics every history check carries: which signal, and whether the source saw everything. */
export function baseMetrics(ctx: HistoryContext): Record<string, string | number | null> {
  return { signal: ctx.signal, coverage: ctx.complete ? "complete" : "partial" };
}

/** Appended to summaries so a proxy or a truncated history is never read as the real thing. */
export function caveats(ctx: HistoryContext): string {
  const notes: string[] = [];
  if (ctx.proxy) notes.push("releases/tags used as a proxy for deploys");
  if (!ctx.complete) notes.push("partial history");
  return notes.length > 0 ? ` (${notes.join("; ")})` : "";
}

/**
 * Evidence for a history metric. The fact comes from deploy and commit records, not from a line
 * of a file, so it points at the production deploy job when the inventory found one (that is
 * where the fix goes) and otherwise carries `file: ""` and `line: 0`: no file shows it, and
 * renderers treat an empty file as "no location" rather than inventing one.
 */
export function historyEvidence(input: CheckInput, value: string): Evidence {
  const jobs = input.inventory.deployJobs;
  const job =
    jobs.find((j) => j.environment !== null && isProductionEnvironment(j.environment, input.config.production)) ??
    jobs[0];
  if (job) return { environment: "prod", file: job.workflow, line: job.line, value };
  return { environment: "prod", file: "", line: 0, value };
}

export function finding(message: string, evidence: Evidence[]): FindingDraft {
  return { message, evidence, environments: ["prod"] };
}

/** `0.83` -> `83%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Durations (lead time, waiting changes): < 1 day 10, < 1 week 7, < 30 days 4, else 1. */
export function durationScore(hours: number): number {
  if (hours < 24) return 10;
  if (hours < 24 * 7) return 7;
  if (hours < 24 * 30) return 4;
  return 1;
}

/** Durations fail from one week: the context of a week-old change is already gone. */
export const DURATION_PASS_HOURS = 24 * 7;
