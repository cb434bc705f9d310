import type { Check, CheckInput, CheckOutcome, FindingDraft } from "../types";
import { BACKING_KINDS, describeUses, engineKey, evidenceList, hasEnvironment, outcome, usesOf } from "./shared";

function run({ inventory }: CheckInput): CheckOutcome {
  // Without any dev definition the missing piece is the dev environment itself: dev-environment
  // reports that, so each service is not reported a second time here.
  if (!hasEnvironment(inventory, "dev") && inventory.devEnvironmentFiles.length === 0) {
    return outcome({
      findings: [],
      defaultSeverity: "medium",
      compared: 0,
      passSummary: "",
      notApplicableSummary: "no dev environment definitions to compare (see dev-environment)",
    });
  }
  const findings: FindingDraft[] = [];
  let compared = 0;
  for (const kind of BACKING_KINDS) {
    const prod = usesOf(inventory, kind, "prod");
    if (prod.length === 0) continue;
    compared += 1;
    if (usesOf(inventory, kind, "dev").length > 0) continue;
    findings.push({
      message: `${describeUses(prod)} in prod, no ${kind} in dev`,
      evidence: evidenceList(prod),
      service: `${kind}:${engineKey(prod)}`,
      environments: ["dev", "prod"],
      // Without a database nothing runs; the other services usually fail later and quieter.
      severity: kind === "database" ? "high" : "medium",
    });
  }
  return outcome({
    findings,
    defaultSeverity: "medium",
    compared,
    passSummary: "every backing service of prod runs in dev (or is emulated)",
    notApplicableSummary: "prod declares no backing services",
  });
}

export const serviceMissingInDev = {
  id: "service-missing-in-dev",
  gap: "tools",
  severity: "medium",
  level: "silver",
  title: "Every backing service of prod runs in dev",
  rationale:
    "When prod depends on a service the dev environment does not run, developers either skip the code " +
    "paths that use it, stub it, or point their laptop at a shared staging instance. Stubs have none of " +
    "the service's failure modes (timeouts, serialization errors, eviction, redelivery), and a shared " +
    "instance makes one developer's data and migrations everyone's problem. The first real exercise of " +
    "that code happens in production.",
  remediation:
    "Add the service to the dev compose file or devcontainer (same engine and major version as prod), or " +
    "an emulator that speaks its protocol (MinIO for S3, LocalStack, ElasticMQ for SQS, Azurite).",
  run,
} satisfies Check;
