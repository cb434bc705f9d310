import type { DeployView } from "../dashboard-types";

/**
 * A deploy as the scorecard's query returns it (lib/db/queries/dashboard.ts), for the component
 * tests: they name the fields they check and take the rest from here.
 */
export function deployRow(fields: Pick<DeployView, "id" | "sha" | "deployedAt"> & Partial<DeployView>): DeployView {
  return {
    externalId: `deployment:${fields.id}`,
    environment: "production",
    creatorId: null,
    source: "deployment",
    trigger: "automatic",
    integration: null,
    leadTimeHours: null,
    ...fields,
  };
}
