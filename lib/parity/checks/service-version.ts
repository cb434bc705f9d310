import type { Check, CheckInput, CheckOutcome, Environment, FindingDraft, ServiceKind } from "../types";
import { compareVersions } from "./compare-versions";
import { BACKING_KINDS, NON_PROD, outcome } from "./shared";

/** CI's database version is ci-services' subject: skipping it here avoids a duplicate finding. */
function environmentsFor(kind: ServiceKind): readonly Environment[] {
  return kind === "database" ? NON_PROD.filter((environment) => environment !== "ci") : NON_PROD;
}

function run({ inventory, now }: CheckInput): CheckOutcome {
  const findings: FindingDraft[] = [];
  const unknown: string[] = [];
  let compared = 0;
  for (const kind of BACKING_KINDS) {
    // When prod is silent about a version, CI's database is compared with dev's here too.
    const result = compareVersions(inventory, kind, environmentsFor(kind), { whenProdSilent: NON_PROD, now });
    findings.push(...result.findings);
    unknown.push(...result.unknown);
    compared += result.compared;
  }
  return outcome({
    findings,
    defaultSeverity: "medium",
    compared,
    unknown,
    passSummary: "backing services run the same versions as prod",
    notApplicableSummary: "no service version declared both in prod and in another environment",
  });
}

export const serviceVersion = {
  id: "service-version",
  gap: "tools",
  severity: "medium",
  level: "gold",
  title: "Same service versions in every environment",
  rationale:
    "Major versions change behaviour, not just features: PostgreSQL 15 changed the default privileges of " +
    "the public schema and 12 inlined CTEs; MySQL 8.0 changed the default authentication plugin and " +
    "collation; Redis 7 changed Lua script and ACL behaviour; Elasticsearch majors remove mapping types " +
    "and query options. A query, migration or command that works on the version in dev can be a syntax " +
    "error, a slow plan or a permission failure on the version in production. The further apart the " +
    "versions, the more of these differences apply.",
  remediation:
    "Pin every environment to the production version: the same major (or major.minor for MySQL, " +
    "RabbitMQ) in compose, CI service containers and the managed service's engine version. Upgrade " +
    "them together.",
  run,
} satisfies Check;
