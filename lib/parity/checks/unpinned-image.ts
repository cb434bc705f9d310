import type { Check, CheckInput, CheckOutcome, FindingDraft, ServiceUse } from "../types";
import { BACKING_KINDS, describeUses, engineName, evidenceList, joinWords, NON_PROD, outcome, usesOf } from "./shared";

const ORDER = [...NON_PROD, "prod"] as const;

/** Uses that fix a version: a pinned image, or a prod service whose version is declared (RDS 16). */
function anchors(uses: readonly ServiceUse[]): ServiceUse[] {
  return uses.filter((use) => use.pinned === true || (use.environment === "prod" && use.version !== null));
}

function run({ inventory }: CheckInput): CheckOutcome {
  const findings: FindingDraft[] = [];
  let compared = 0;
  for (const kind of BACKING_KINDS) {
    const uses = usesOf(inventory, kind);
    for (const engine of [...new Set(uses.map((use) => use.engine))].sort()) {
      const same = uses.filter((use) => use.engine === engine);
      for (const environment of ORDER) {
        const here = same.filter((use) => use.environment === environment && use.pinned !== null);
        if (here.length === 0) continue;
        compared += 1;
        const floating = here.filter((use) => use.pinned === false);
        if (floating.length === 0) continue;
        const label = engineName(kind, engine);
        const service = `${kind}:${engine}`;
        if (environment === "prod") {
          findings.push({
            message: `${label} image floats in prod: a restart can pull a new version`,
            evidence: evidenceList(floating),
            service,
            environments: ["prod"],
            severity: "high",
          });
          continue;
        }
        const elsewhere = anchors(same.filter((use) => use.environment !== environment));
        if (elsewhere.length === 0) continue;
        const pinningEnvironments = ORDER.filter((env) => elsewhere.some((use) => use.environment === env));
        findings.push({
          message: `${label} image floats in ${environment}; ${joinWords(pinningEnvironments)} ${pinningEnvironments.length === 1 ? "pins" : "pin"} ${describeUses(elsewhere)}`,
          evidence: evidenceList([...floating, ...elsewhere]),
          service,
          environments: [environment, ...pinningEnvironments],
          severity: "medium",
        });
      }
    }
  }
  return outcome({
    findings,
    defaultSeverity: "medium",
    compared,
    passSummary: "backing-service images are pinned wherever another environment pins them",
    notApplicableSummary: "no backing-service images found",
  });
}

export const unpinnedImage = {
  id: "unpinned-image",
  gap: "tools",
  severity: "medium",
  level: "gold",
  title: "Backing-service images pinned to a version",
  rationale:
    "`latest`, a missing tag or a bare variant (`alpine`) means whatever version was newest when the " +
    "image was last pulled: two developers run different majors without knowing it, and a fresh CI " +
    "runner or laptop silently upgrades PostgreSQL or Redis while production stays put. In production a " +
    "floating tag upgrades the service on the next restart or reschedule, without review. A bug that " +
    "only one version shows cannot be reproduced on demand.",
  remediation:
    "Tag backing-service images with the production version (`postgres:16-alpine`, `redis:7.2`) in " +
    "every compose file, CI service and manifest; let Renovate or Dependabot propose upgrades so all " +
    "environments move together.",
  run,
} satisfies Check;
