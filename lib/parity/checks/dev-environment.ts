import { isEmbeddedEngine } from "../catalog";
import type { Check, CheckInput, CheckOutcome, Inventory, ServiceUse } from "../types";
import { BACKING_KINDS, describeUses, evidenceList, joinWords, outcome, usesOf } from "./shared";

/**
 * Entry points that may start a dev environment though no format reads them: a Makefile or
 * justfile target (`make dev`, `just up`), a setup script (`bin/setup`), Skaffold, Tilt, Nix,
 * Vagrant, Gitpod. Whether they start prod's services is not known, so no finding is made.
 * Makefiles count at the root only (a `docs/Makefile` builds documentation).
 */
const ENTRY_POINT =
  /^(?:(?:GNUmakefile|[Mm]akefile|bin\/(?:setup|dev|bootstrap)|script\/(?:setup|bootstrap|server|dev)|Vagrantfile|\.gitpod\.ya?ml|Procfile\.dev|devbox\.json)|(?:[^/]+\/)?(?:[Jj]ustfile|\.justfile|Taskfile\.ya?ml|skaffold\.ya?ml|Tiltfile|devenv\.nix|flake\.nix|shell\.nix))$/;

/** Paths of CI's own infrastructure (a Terraform state bucket under `.github/`): not the app's. */
const CI_PATH = /^\.(?:github|gitlab|circleci|buildkite)\//;

/** Prod's services that need a server beside the app: embedded ones (SQLite, local disk) come with it. */
export function prodServers(inventory: Inventory): ServiceUse[] {
  return BACKING_KINDS.flatMap((kind) => usesOf(inventory, kind, "prod")).filter(
    (use) => !isEmbeddedEngine(use.engine) && !CI_PATH.test(use.file),
  );
}

function run({ inventory }: CheckInput): CheckOutcome {
  const prod = prodServers(inventory);
  const files = inventory.devEnvironmentFiles;
  const entryPoints = files.length === 0 && prod.length > 0 ? inventory.paths.filter((p) => ENTRY_POINT.test(p)) : [];
  const findings =
    prod.length > 0 && files.length === 0 && entryPoints.length === 0
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
    compared: prod.length > 0 && files.length > 0 ? 1 : 0,
    unknown:
      entryPoints.length > 0
        ? [`${joinWords(entryPoints.slice(0, 3))} may start a dev environment; not read, so not known`]
        : [],
    passSummary: `one-command dev environment: ${files.join(", ")}`,
    notApplicableSummary: "prod declares no backing service that needs a server (embedded ones come with the app)",
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
