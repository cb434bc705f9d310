import type { Check } from "../../types";
import { continuousDeploymentCheck } from "./continuous-deployment";
import { deployFrequencyCheck } from "./deploy-frequency";
import { deployerConcentrationCheck } from "./deployer-concentration";
import { infraOwnershipCheck } from "./infra-ownership";
import { leadTimeCheck } from "./lead-time";
import { selfDeployCheck } from "./self-deploy";
import { undeployedChangesCheck } from "./undeployed-changes";

/** The time gap first, then the personnel gap (docs/parity-model.md §3 order). */
export const HISTORY_CHECKS: Check[] = [
  leadTimeCheck,
  deployFrequencyCheck,
  undeployedChangesCheck,
  continuousDeploymentCheck,
  selfDeployCheck,
  deployerConcentrationCheck,
  infraOwnershipCheck,
];
