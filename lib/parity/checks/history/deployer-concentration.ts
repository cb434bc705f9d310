import { deployerConcentration } from "../../history";
import { countOf } from "../../plural";
import type { Check, CheckInput, CheckOutcome } from "../../types";
import { baseMetrics, caveats, finding, historyEvidence, percent, prepare, unknownOutcome } from "./shared";

/** "Nearly all": the top two people start more than this share of manual deploys. */
const NEARLY_ALL = 0.9;

/** Top-two share -> score; a spread over the team scores high. */
function concentrationScore(topTwo: number): number {
  if (topTwo <= 0.5) return 10;
  if (topTwo <= 0.75) return 7;
  if (topTwo <= NEARLY_ALL) return 4;
  return 1;
}

function run(input: CheckInput): CheckOutcome {
  const prepared = prepare(input);
  if ("outcome" in prepared) return prepared.outcome;
  const { ctx } = prepared;
  const m = deployerConcentration(ctx);
  const metrics = {
    ...baseMetrics(ctx),
    topDeployerShare: m.topDeployerShare,
    topTwoDeployersShare: m.topTwoDeployersShare,
    humanDeploys: m.humanDeploys,
    pipelineDeploys: m.pipelineDeploys,
    deployers: m.deployers,
    humanAuthors: m.humanAuthors,
    window: m.window,
  };
  const pass = (summary: string, score = 10): CheckOutcome => ({
    status: "pass",
    score,
    summary,
    findings: [],
    metrics,
  });
  if (m.topTwoDeployersShare === null || m.topDeployerShare === null) {
    if (m.pipelineDeploys > 0 && m.unattributedDeploys === 0) {
      return pass(`every production deploy is started by the pipeline, not a person${caveats(ctx)}`);
    }
    return unknownOutcome(`Production deploys do not say who started them${caveats(ctx)}.`, metrics);
  }
  const summary = `top deployer starts ${percent(m.topDeployerShare)}, top two ${percent(m.topTwoDeployersShare)} of ${countOf(m.humanDeploys, "manual deploy")}; ${countOf(m.humanAuthors, "person", "people")} committed${caveats(ctx)}`;
  // A team of one or two is its own deploy rota: concentration there is the team's size.
  if (m.humanAuthors <= 2) return pass(summary);
  const score = concentrationScore(m.topTwoDeployersShare);
  if (m.topTwoDeployersShare <= NEARLY_ALL) return pass(summary, score);
  const names = m.topDeployers.join(" and ");
  return {
    status: "fail",
    score,
    summary,
    metrics,
    findings: [
      finding(
        `${names} started ${percent(m.topTwoDeployersShare)} of manual production deploys for a team of ${m.humanAuthors}.`,
        [historyEvidence(input, `top two deployers ${percent(m.topTwoDeployersShare)}`)],
      ),
    ],
  };
}

export const deployerConcentrationCheck = {
  id: "deployer-concentration",
  gap: "personnel",
  severity: "low",
  level: null,
  title: "Deploys are not one or two people's job",
  rationale:
    "When one or two people run nearly every deploy, they are a separate operations team in all " +
    "but name: everyone else writes code without knowing how it reaches production, and the " +
    "deployers ship code they did not write. Deploys stall when those people are away.",
  remediation:
    "Automate the deploy so the merge starts it, or rotate deploy duty and give every developer " +
    "the permission and the runbook to deploy.",
  run,
} satisfies Check;
