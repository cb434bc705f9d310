import { engineOf, moveToProd, nonProdUses } from "./toward-prod";
import type { Planner } from "./types";

/**
 * ci-services: a CI service container (or a compose file CI starts) on another version of prod's
 * engine moves to prod's version. CI on another engine, or on none, needs a service block with
 * credentials and the job's connection variables: not a one-line change (docs/fix.md).
 */
export const planCiServices: Planner = (context) => {
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
