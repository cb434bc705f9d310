import { infraOwnership, WINDOW_DAYS } from "../../history";
import { countOf } from "../../plural";
import type { Check, CheckInput, CheckOutcome, Evidence } from "../../types";
import { baseMetrics, caveats, finding, prepare, unknownOutcome } from "./shared";

function run(input: CheckInput): CheckOutcome {
  const prepared = prepare(input);
  if ("outcome" in prepared) return prepared.outcome;
  const { ctx } = prepared;
  const m = infraOwnership(ctx);
  const metrics = {
    ...baseMetrics(ctx),
    infraOwners: m.infraOwners.length,
    sharedInfraOwners: m.sharedOwners.length,
    appAuthors: m.appAuthors,
    infraOwnerIds: m.infraOwners.join(", "),
    commitsWithFiles: m.commitsWithFiles,
    humanCommits: m.humanCommits,
  };
  switch (m.state) {
    case "no-files":
      return unknownOutcome(`The history does not list the files each commit changed${caveats(ctx)}.`, metrics);
    case "no-infra-changes":
    case "no-app-changes":
      return {
        status: "not-applicable",
        score: null,
        summary: `no ${m.state === "no-infra-changes" ? "deploy definition" : "application code"} changed by a person in the last ${WINDOW_DAYS} days${caveats(ctx)}`,
        findings: [],
        metrics,
      };
    case "shared":
      return {
        status: "pass",
        score: Math.round((m.sharedOwners.length / m.infraOwners.length) * 10),
        summary: `${m.sharedOwners.length} of ${countOf(m.infraOwners.length, "person", "people")} who ${m.infraOwners.length === 1 ? "changes" : "change"} deploy definitions also change application code${caveats(ctx)}`,
        findings: [],
        metrics,
      };
    case "disjoint": {
      // The changed deploy definitions are the evidence: line 0, the whole file is the fact.
      const evidence = m.infraPaths.map(
        (path) =>
          ({
            environment: "prod",
            file: path,
            line: 0,
            value: `changed by ${m.infraOwners.join(", ")}`,
          }) satisfies Evidence,
      );
      return {
        status: "fail",
        score: 0,
        summary: `deploy definitions changed only by ${m.infraOwners.join(", ")}, who changed no application code${caveats(ctx)}`,
        metrics,
        findings: [
          finding(
            `Deploy definitions are changed only by ${m.infraOwners.join(", ")}, and application code only by ${m.appAuthors} other people.`,
            evidence,
          ),
        ],
      };
    }
  }
}

export const infraOwnershipCheck = {
  id: "infra-ownership",
  gap: "personnel",
  severity: "low",
  level: null,
  title: "Developers and deploy definitions share owners",
  rationale:
    "When one group changes the application and another changes how it is deployed, the developers " +
    "do not understand the production environment and the operators do not understand the code: " +
    "a broken deploy becomes a hand-off between teams instead of a fix by the person who knows both.",
  remediation:
    "Keep deploy definitions in the application repository and have developers change them as part " +
    "of their features (pairing with whoever owned them so far), so writing and running code are one " +
    "responsibility.",
  run,
} satisfies Check;
