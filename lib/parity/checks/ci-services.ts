import type { Check, CheckInput, CheckOutcome, Evidence, FindingDraft, Inventory, ServiceUse } from "../types";
import { diffEngines } from "./compare-engines";
import { diffVersions } from "./compare-versions";
import { describeUses, engineKey, evidenceList, hasEnvironment, knownVersions, outcome, usesOf } from "./shared";

/**
 * The databases CI tests run against: the CI definitions' own (job services, compose files CI
 * starts) or, when they have none, Testcontainers images in test code, which start wherever the
 * tests run, CI included.
 */
function ciDatabases(inventory: Inventory): ServiceUse[] {
  const ci = usesOf(inventory, "database", "ci");
  if (ci.length > 0) return ci;
  return usesOf(inventory, "database", "test").filter((use) => use.via === "image");
}

function ciFileEvidence(inventory: Inventory): Evidence[] {
  return inventory.files
    .filter((file) => file.environments.includes("ci"))
    .map((file) => ({ environment: "ci", file: file.path, line: 1, value: "no database service" }));
}

function run({ inventory }: CheckInput): CheckOutcome {
  const prod = usesOf(inventory, "database", "prod");
  const notApplicable = (summary: string) =>
    outcome({ findings: [], defaultSeverity: "high", compared: 0, passSummary: "", notApplicableSummary: summary });
  if (prod.length === 0) return notApplicable("no production database found");
  if (!hasEnvironment(inventory, "ci")) return notApplicable("no CI definitions found");
  const ci = ciDatabases(inventory);
  const findings: FindingDraft[] = [];
  const unknown: string[] = [];
  if (ci.length === 0) {
    findings.push({
      message: `CI starts no database, ${describeUses(prod)} in prod`,
      evidence: [...ciFileEvidence(inventory), ...evidenceList(prod)],
      service: `database:${engineKey(prod)}`,
      environments: ["ci", "prod"],
      // Tests may mock the database or use an embedded fallback: a gap, but not proven wrong.
      severity: "medium",
    });
  } else {
    findings.push(...diffEngines("database", "ci", ci, prod));
    for (const engine of [...new Set(prod.map((use) => use.engine))].sort()) {
      const prodUses = prod.filter((use) => use.engine === engine);
      const same = ci.filter((use) => use.engine === engine && use.version !== null);
      if (same.length === 0) continue;
      const prodVersions = knownVersions(prodUses);
      if (prodVersions.length === 0) {
        unknown.push(`${describeUses(prodUses)} version in prod is not declared`);
        continue;
      }
      // A matrix that includes prod's version tests the others as extra coverage, not instead.
      if (same.some((use) => prodVersions.includes(use.version ?? ""))) continue;
      const finding = diffVersions("database", "ci", same, prodUses);
      if (finding) findings.push(finding);
    }
  }
  return outcome({
    findings,
    defaultSeverity: "high",
    compared: 1,
    unknown,
    passSummary: `CI tests run against ${describeUses(ci)}, as prod`,
    notApplicableSummary: "",
  });
}

export const ciServices = {
  id: "ci-services",
  gap: "tools",
  severity: "high",
  level: "silver",
  title: "CI runs prod's database engine and version",
  rationale:
    "CI is where a change is proven before it ships. Tests against SQLite or a mock accept queries that " +
    "PostgreSQL rejects (case-sensitive comparisons, enforced VARCHAR lengths, stricter GROUP BY, " +
    "different date and JSON functions) and never run the migrations the way production will (concurrent " +
    "index creation, column type changes, transactional DDL). A green build then says little about the " +
    "deploy, and the failure surfaces in production instead of in the pull request.",
  remediation:
    "Start the production engine as a service container in the CI test job (`services: postgres: image: " +
    "postgres:16`) or with Testcontainers, at the production version, and run the migrations against it " +
    "before the tests.",
  run,
} satisfies Check;
