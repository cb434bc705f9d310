import type { Check, CheckInput, CheckOutcome, ServiceUse } from "../types";
import { BACKING_KINDS, describeUses, evidenceList, outcome, usesOf } from "./shared";

function run({ inventory }: CheckInput): CheckOutcome {
  const prod: ServiceUse[] = BACKING_KINDS.flatMap((kind) => usesOf(inventory, kind, "prod"));
  const files = inventory.devEnvironmentFiles;
  const findings =
    prod.length > 0 && files.length === 0
      ? [
          {
            message: `No one-command dev environment, while prod runs ${describeUses(prod)}`,
            evidence: evidenceList(prod),
            environments: ["dev" as const, "prod" as const],
          },
        ]
      : [];
  return outcome({
    findings,
    defaultSeverity: "high",
    compared: prod.length > 0 ? 1 : 0,
    passSummary: `one-command dev environment: ${files.join(", ")}`,
    notApplicableSummary: "prod declares no backing services",
  });
}

export const devEnvironment = {
  id: "dev-environment",
  gap: "tools",
  severity: "high",
  level: "bronze",
  title: "One-command dev environment",
  rationale:
    "Without a compose file or devcontainer every developer installs the backing services by hand, from " +
    "a wiki, at whatever version their package manager offers, or skips them and uses a stand-in. " +
    'Machines drift apart and from production, new people lose days to setup, and "works on my machine" ' +
    "becomes literally true. A definition in the repository gives everyone the same services with one " +
    "command and is reviewed like code.",
  remediation:
    "Add a `compose.yaml` that runs prod's backing services (same engines and major versions) and the app, " +
    "or a `.devcontainer/devcontainer.json` that starts them, and document `docker compose up` in the README.",
  run,
} satisfies Check;
