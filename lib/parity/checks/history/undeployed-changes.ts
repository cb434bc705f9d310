import { formatDuration, undeployedChanges } from "../../history";
import { countOf } from "../../plural";
import type { Check, CheckInput, CheckOutcome } from "../../types";
import { baseMetrics, caveats, DURATION_PASS_HOURS, durationScore, finding, historyEvidence, prepare } from "./shared";

function run(input: CheckInput): CheckOutcome {
  const prepared = prepare(input);
  if ("outcome" in prepared) return prepared.outcome;
  const { ctx } = prepared;
  const m = undeployedChanges(ctx);
  const metrics = {
    ...baseMetrics(ctx),
    oldestUndeployedHours: m.oldestUndeployedHours,
    undeployedCommits: m.undeployedCommits,
    oldestUndeployedSha: m.oldestUndeployedSha,
  };
  if (m.undeployedCommits === 0) {
    return {
      status: "pass",
      score: 10,
      summary: `every commit on the default branch is in production${caveats(ctx)}`,
      findings: [],
      metrics,
    };
  }
  const age = formatDuration(m.oldestUndeployedHours);
  const summary = `${countOf(m.undeployedCommits, "commit")} not in production, the oldest waiting ${age}${caveats(ctx)}`;
  const score = durationScore(m.oldestUndeployedHours);
  if (m.oldestUndeployedHours < DURATION_PASS_HOURS) return { status: "pass", score, summary, findings: [], metrics };
  const sha = (m.oldestUndeployedSha ?? "").slice(0, 7);
  return {
    status: "fail",
    score,
    summary,
    metrics,
    findings: [
      finding(
        `${countOf(m.undeployedCommits, "commit")} ${m.undeployedCommits === 1 ? "waits" : "wait"} for a production deploy; the oldest (${sha}) for ${age}.`,
        [historyEvidence(input, `${sha} waiting ${age}`)],
      ),
    ],
  };
}

export const undeployedChangesCheck = {
  id: "undeployed-changes",
  gap: "time",
  severity: "low",
  level: null,
  title: "Merged changes do not wait for a deploy",
  rationale:
    "A change merged but not deployed is code that works in development and has never met " +
    "production. The longer it waits, the more changes pile up behind it, the bigger the next " +
    "deploy, and the further its author has moved on when it finally breaks.",
  remediation:
    "Deploy the default branch after every merge; if a change must not go live yet, ship it dark " +
    "behind a feature flag instead of holding the branch back.",
  run,
} satisfies Check;
