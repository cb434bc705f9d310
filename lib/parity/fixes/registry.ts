/**
 * The fix planners, one per check id, the way each check carries its own metadata: a check with
 * no planner has no mechanical fix, and its findings keep their prose remediation.
 */
import type { Finding, Report } from "../types";
import { planCiServices } from "./ci-services";
import { planDevEnvironment } from "./dev-environment";
import { planRuntimeVersion } from "./runtime-version";
import { planServiceMissingInDev } from "./service-missing-in-dev";
import { planServiceVersion } from "./service-version";
import type { FixPlan, NoPlan, Planner } from "./types";
import { planUnpinnedImage } from "./unpinned-image";

export const FIX_PLANNERS: Readonly<Record<string, Planner>> = {
  "service-version": planServiceVersion,
  "ci-services": planCiServices,
  "runtime-version": planRuntimeVersion,
  "unpinned-image": planUnpinnedImage,
  "service-missing-in-dev": planServiceMissingInDev,
  "dev-environment": planDevEnvironment,
};

/** Why a check has no planner: time and personnel findings change with practice, not with a file. */
function noPlanner(finding: Finding): string {
  if (finding.gap !== "tools") return "a time or personnel finding changes with how the team works, not with a file";
  return `no mechanical change fixes ${finding.check} findings: see the check's remediation`;
}

/** The plan a finding's check proposes (unverified), or why there is none. */
export function planFor(finding: Finding, report: Report, files: ReadonlyMap<string, string>): FixPlan | NoPlan {
  const base = { fingerprint: finding.fingerprint, check: finding.check };
  const planner = FIX_PLANNERS[finding.check];
  if (!planner) return { ...base, reason: noPlanner(finding) };
  const result = planner({ finding, report, files });
  if ("reason" in result) return { ...base, reason: result.reason };
  if (result.edits.length === 0) return { ...base, reason: "nothing to change" };
  return { ...base, summary: result.summary, edits: result.edits };
}
