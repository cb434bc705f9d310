import type { Check, CheckInput, CheckOutcome, FindingDraft } from "../types";
import { prodServers } from "./dev-environment";
import { BACKING_KINDS, describeUses, engineKey, evidenceList, outcome, usesOf } from "./shared";

/**
 * Kinds this check compares. Not the database: an app cannot run without the one it uses, so a dev
 * stack that starts none means dev's database is declared elsewhere or embedded (SQLite by a
 * settings fallback); db-engine compares it when it is known, and guessing "none" is wrong.
 */
const KINDS = BACKING_KINDS.filter((kind) => kind !== "database");

function run({ inventory }: CheckInput): CheckOutcome {
  // Only a dev stack that can be read says what dev lacks: some service dev starts from an image
  // (compose, devcontainer, manifests). Without one, what dev runs is not known (no definition:
  // dev-environment's finding; a Makefile or setup script: not read).
  const devStack = inventory.uses.some((use) => use.environment === "dev" && use.via === "image");
  const prod = prodServers(inventory);
  if (!devStack) {
    return outcome({
      findings: [],
      defaultSeverity: "medium",
      compared: 0,
      passSummary: "",
      notApplicableSummary: "no dev stack that starts services to compare (see dev-environment)",
    });
  }
  const findings: FindingDraft[] = [];
  let compared = 0;
  for (const kind of KINDS) {
    const prodOfKind = prod.filter((use) => use.kind === kind);
    if (prodOfKind.length === 0) continue;
    compared += 1;
    if (usesOf(inventory, kind, "dev").length > 0) continue;
    findings.push({
      message: `${describeUses(prodOfKind)} in prod, no ${kind} in dev`,
      evidence: evidenceList(prodOfKind),
      service: `${kind}:${engineKey(prodOfKind)}`,
      environments: ["dev", "prod"],
      severity: "medium",
    });
  }
  return outcome({
    findings,
    defaultSeverity: "medium",
    compared,
    passSummary: "every backing service of prod runs in dev (or is emulated)",
    notApplicableSummary: "prod declares no cache, broker, storage or search service that needs a server",
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
