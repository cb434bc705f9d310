import { addCiServices } from "./ci-services-block";
import { engineOf, moveToProd, nonProdUses } from "./toward-prod";
import type { Planner } from "./types";

/**
 * ci-services: a CI service container (or a compose file CI starts) on another version of prod's
 * engine moves to prod's version. Test jobs that start no database get a `services:` block
 * (ci-services-block.ts). CI on another engine is a choice of the team's, not an edit.
 */
export const planCiServices: Planner = (context) => {
  const added = addCiServices(context);
  if (added) return added;
  const engine = engineOf(context);
  if (engine === null || nonProdUses(context, engine).every((use) => use.version === null)) {
    return {
      reason:
        "CI runs no versioned container of prod's engine: adding a service block (with credentials and the " +
        "job's connection variables) is left to the remediation",
    };
  }
  return moveToProd(context, engine);
};
