import { type DoraBand, deployFrequency, WINDOW_DAYS } from "../../history";
import { countOf } from "../../plural";
import type { Check, CheckInput, CheckOutcome } from "../../types";
import { baseMetrics, caveats, finding, historyEvidence, prepare } from "./shared";

/** Score by DORA band (table `dora-2023`); no production deploy in the window at all scores 0. */
const BAND_SCORE = { elite: 10, high: 8, medium: 5, low: 2 } as const satisfies Record<DoraBand, number>;

/** Silver needs production deploys at least weekly: one deploy-day per week. */
const WEEKLY = 1;

function run(input: CheckInput): CheckOutcome {
  const prepared = prepare(input);
  if ("outcome" in prepared) return prepared.outcome;
  const { ctx } = prepared;
  const m = deployFrequency(ctx);
  const metrics = {
    ...baseMetrics(ctx),
    deployDaysPerWeek: m.deployDaysPerWeek,
    deployDays: m.deployDays,
    deploysInWindow: m.deploysInWindow,
    band: m.band,
    bandTable: m.bandTable,
  };
  const summary = `${countOf(m.deployDaysPerWeek, "deploy-day")} per week over ${WINDOW_DAYS} days (${countOf(m.deployDays, "day")}, ${countOf(m.deploysInWindow, "deploy")}; DORA ${m.band})${caveats(ctx)}`;
  const score = m.deployDays === 0 ? 0 : BAND_SCORE[m.band];
  if (m.deployDaysPerWeek >= WEEKLY) return { status: "pass", score, summary, findings: [], metrics };
  const message =
    m.deployDays === 0
      ? `No production deploy in the last ${WINDOW_DAYS} days.`
      : `Production is deployed on ${countOf(m.deployDaysPerWeek, "day")} per week, less than weekly.`;
  return {
    status: "fail",
    score,
    summary,
    metrics,
    findings: [finding(message, [historyEvidence(input, `${m.deployDaysPerWeek} deploy-days/week`)])],
  };
}

export const deployFrequencyCheck = {
  id: "deploy-frequency",
  gap: "time",
  severity: "medium",
  level: "silver",
  title: "Production is deployed at least weekly",
  rationale:
    "Shrinking the time gap means deploying frequently, ideally within hours of writing code. Each " +
    "rare deploy bundles weeks of changes, so when production breaks nobody can tell which change " +
    "did it, and the people who wrote them have lost the context. Deploy-days are counted, not " +
    "deploys: three deploys in one afternoon are one day of shipping.",
  remediation:
    "Deploy from the default branch on every merge, or at least on a fixed weekly cadence; automate " +
    "the deploy so shipping takes no one's afternoon.",
  run,
} satisfies Check;
