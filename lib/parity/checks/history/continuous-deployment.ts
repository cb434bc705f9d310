import { deployAutomation } from "../../history";
import type { Check, CheckInput, CheckOutcome } from "../../types";
import { baseMetrics, caveats, finding, historyEvidence, percent, prepare, SHARE_PASS, unknownOutcome } from "./shared";

function run(input: CheckInput): CheckOutcome {
  const prepared = prepare(input);
  if ("outcome" in prepared) return prepared.outcome;
  const { ctx } = prepared;
  const m = deployAutomation(ctx);
  const metrics = {
    ...baseMetrics(ctx),
    automaticShare: m.automaticShare,
    automaticDeploys: m.automatic,
    manualDeploys: m.manual,
    unknownTriggerDeploys: m.unknownTrigger,
    window: m.window,
  };
  if (m.automaticShare === null) {
    return unknownOutcome(`No production deploy says whether a merge or a person started it${caveats(ctx)}.`, metrics);
  }
  const summary = `${percent(m.automaticShare)} of production deploys start automatically (${m.automatic} automatic, ${m.manual} manual)${caveats(ctx)}`;
  const score = Math.round(m.automaticShare * 10);
  if (m.automaticShare >= SHARE_PASS) return { status: "pass", score, summary, findings: [], metrics };
  return {
    status: "fail",
    score,
    summary,
    metrics,
    findings: [
      finding(`${m.manual} of ${m.automatic + m.manual} production deploys were started by hand.`, [
        historyEvidence(input, `${percent(m.automaticShare)} automatic`),
      ]),
    ],
  };
}

export const continuousDeploymentCheck = {
  id: "continuous-deployment",
  gap: "time",
  severity: "medium",
  level: "gold",
  title: "Merges deploy to production automatically",
  rationale:
    "CI/CD shrinks the time gap: every push triggers tests, and successful builds deploy " +
    "automatically. A deploy that waits for someone to press a button waits for their calendar, " +
    "batches changes, and lets the feedback loop between a change and its production behaviour grow.",
  remediation:
    "Trigger the production deploy from a push to the default branch (`on: push` with " +
    "`environment: production`), keeping at most a single approval as the gate.",
  run,
} satisfies Check;
