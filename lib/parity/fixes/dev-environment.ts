import { createDevCompose } from "./compose-services";
import type { Planner } from "./types";

/**
 * dev-environment: no one-command dev environment while prod runs servers: a `compose.yaml`
 * with prod's services at prod's versions (compose-services.ts). Only when every one has a
 * template and a version; otherwise the finding keeps its prose remediation.
 */
export const planDevEnvironment: Planner = (context) => createDevCompose(context);
