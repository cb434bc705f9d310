import { selfDeploy } from "../../history";
import type { Check, CheckInput, CheckOutcome } from "../../types";
import { baseMetrics, caveats, finding, historyEvidence, percent, prepare, SHARE_PASS, unknownOutcome } from "./shared";

function run(input: CheckInput): CheckOutcome {
  const prepared = prepare(input);
  if ("outcome" in prepared) return prepared.outcome;
  const { ctx } = prepared;
  const m = selfDeploy(ctx);
  const metrics = {
    ...baseMetrics(ctx),
    selfDeployShare: m.selfDeployShare,
    selfDeployedChanges: m.selfDeployed,
    changesDeployedByOthers: m.deployedByOthers,
    unknownShipperChanges: m.unknownShipper,
    otherDeployers: m.otherDeployers.join(", "),
    window: m.window,
  };
  if (m.selfDeployShare === null) {
    return unknownOutcome(`No deployed change has a known author and deployer${caveats(ctx)}.`, metrics);
  }
  const total = m.selfDeployed + m.deployedByOthers;
  const summary = `${percent(m.selfDeployShare)} of deployed changes shipped by their author, merger or merge pipeline (${m.selfDeployed} of ${total})${caveats(ctx)}`;
  const score = Math.round(m.selfDeployShare * 10);
  if (m.selfDeployShare >= SHARE_PASS) return { status: "pass", score, summary, findings: [], metrics };
  const who = m.otherDeployers.length > 0 ? `, mostly by ${m.otherDeployers.slice(0, 2).join(" and ")}` : "";
  return {
    status: "fail",
    score,
    summary,
    metrics,
    findings: [
      finding(`${m.deployedByOthers} of ${total} deployed changes were shipped by someone else${who}.`, [
        historyEvidence(input, `${percent(m.selfDeployShare)} self-deployed`),
      ]),
    ],
  };
}

export const selfDeployCheck = {
  id: "self-deploy",
  gap: "personnel",
  severity: "medium",
  level: "gold",
  title: "Authors deploy their own changes",
  rationale:
    "When developers write code and someone else deploys it, the developers never learn how " +
    "production behaves and the deployer does not know the code; when it breaks, each side points " +
    "at the other. Developers who deploy their own code, or whose merge deploys it, build an " +
    "intuition for production and write code knowing they will be woken at 3 AM if it breaks.",
  remediation:
    "Let the merge deploy (a pipeline triggered by the push to the default branch), or give every " +
    "author the right to deploy their own change, instead of routing deploys through a release manager.",
  run,
} satisfies Check;
