import { formatDuration, leadTime } from "../../history";
import { countOf } from "../../plural";
import type { Check, CheckInput, CheckOutcome } from "../../types";
import {
  baseMetrics,
  caveats,
  DURATION_PASS_HOURS,
  durationScore,
  finding,
  historyEvidence,
  prepare,
  unknownOutcome,
} from "./shared";

function run(input: CheckInput): CheckOutcome {
  const prepared = prepare(input);
  if ("outcome" in prepared) return prepared.outcome;
  const { ctx } = prepared;
  const m = leadTime(ctx);
  const metrics = {
    ...baseMetrics(ctx),
    leadTimeHours: m.leadTimeHours,
    deployedCommits: m.deployedCommits,
    timeFallbackCommits: m.timeFallbackCommits,
    window: m.window,
  };
  if (m.leadTimeHours === null) {
    return unknownOutcome(`No human commit could be placed in a production deploy${caveats(ctx)}.`, metrics);
  }
  const summary = `median ${formatDuration(m.leadTimeHours)} from commit to production over ${countOf(m.deployedCommits, "commit")}${caveats(ctx)}`;
  const score = durationScore(m.leadTimeHours);
  if (m.leadTimeHours < DURATION_PASS_HOURS) return { status: "pass", score, summary, findings: [], metrics };
  const value = `median lead time ${formatDuration(m.leadTimeHours)}`;
  return {
    status: "fail",
    score,
    summary,
    metrics,
    findings: [
      finding(`Changes take a median ${formatDuration(m.leadTimeHours)} to reach production.`, [
        historyEvidence(input, value),
      ]),
    ],
  };
}

export const leadTimeCheck = {
  id: "lead-time",
  gap: "time",
  severity: "medium",
  level: null,
  title: "Changes reach production quickly",
  rationale:
    "The time gap is how long code sits between being written and being deployed. After weeks, the " +
    "developer has moved on, the codebase has changed underneath the change, and the context needed " +
    "to debug it in production is gone; a short gap makes it easy to connect a production problem " +
    "to the code that caused it.",
  remediation:
    "Deploy every merge to the default branch through CI/CD (tests on every push, an automatic or " +
    "single-approval production deploy), and keep changes small so they can ship within hours.",
  run,
} satisfies Check;
