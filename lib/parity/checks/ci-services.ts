import { isEmbeddedEngine } from "../catalog";
import type { Check, CheckInput, CheckOutcome, CiJob, Evidence, FindingDraft, Inventory, ServiceUse } from "../types";
import { diffEngines } from "./compare-engines";
import { diffVersions } from "./compare-versions";
import { describeUses, engineKey, evidenceList, hasEnvironment, knownVersions, outcome, usesOf } from "./shared";

/**
 * The databases CI's test jobs run against. A job is a test job when it runs tests (`npm test`,
 * `pytest`, `go test`... followed through package scripts, make targets and repository scripts;
 * the github-actions format says which); lint, build, release and bot jobs say nothing about what
 * the tests see. A test job's facts are its own (`services:`, `docker run`, database actions,
 * `systemctl start postgresql`, URLs in its `env:` and its workflow's), the compose files it
 * starts, and the containers test code starts (Testcontainers, Spring Boot's compose support),
 * which run wherever the tests run.
 */
interface CiFacts {
  /** Database uses that something the test jobs run starts (or that need no server: SQLite). */
  started: ServiceUse[];
  /** Connection URLs of the test jobs for a server nothing starts: the tests may mock it. */
  unstarted: ServiceUse[];
  /** The test jobs, for evidence. */
  testJobs: CiJob[];
  /** Reusable workflows of other repositories that the workflows call (their jobs are not here). */
  calls: string[];
}

function belongsTo(use: ServiceUse, job: CiJob): boolean {
  if (use.format === "github-actions") {
    return (
      use.file === job.workflow &&
      (use.name === job.job || use.name === "env" || (use.name ?? "").startsWith(`${job.job}/`))
    );
  }
  return job.starts.includes(use.file);
}

function ciFacts(inventory: Inventory, jobs: readonly CiJob[]): CiFacts {
  const testJobs = jobs.filter((job) => job.tests !== null);
  const calls = [...new Set(jobs.flatMap((job) => (job.calls && !job.calls.startsWith("./") ? [job.calls] : [])))];
  const ci = usesOf(inventory, "database", "ci").filter((use) => testJobs.some((job) => belongsTo(use, job)));
  // Containers the test code starts run in CI's test job too (not only on a developer's machine).
  const containers =
    testJobs.length > 0 ? usesOf(inventory, "database", "test").filter((use) => use.format === "testcontainers") : [];
  const all = [...ci, ...containers];
  const started = all.filter((use) => use.via !== "url" || isEmbeddedEngine(use.engine));
  const unstarted = all.filter((use) => use.via === "url" && !isEmbeddedEngine(use.engine));
  return { started, unstarted, testJobs, calls };
}

/** Without the format's job list (an inventory built by hand): every CI database, as before. */
function legacyFacts(inventory: Inventory): CiFacts {
  const ci = usesOf(inventory, "database", "ci");
  const containers = usesOf(inventory, "database", "test").filter((use) => use.via === "image");
  const all = ci.length > 0 ? ci : containers;
  return {
    started: all.filter((use) => use.via !== "url" || isEmbeddedEngine(use.engine)),
    unstarted: all.filter((use) => use.via === "url" && !isEmbeddedEngine(use.engine)),
    testJobs: [],
    calls: [],
  };
}

/** The test jobs, and the compose files they start (which start no database either). */
function jobEvidence(jobs: readonly CiJob[]): Evidence[] {
  const evidence: Evidence[] = jobs.map((job) => ({
    environment: "ci",
    file: job.workflow,
    line: job.line,
    value: `${job.job}: ${job.tests ?? "tests"}, no database`,
  }));
  for (const path of new Set(jobs.flatMap((job) => job.starts))) {
    evidence.push({ environment: "ci", file: path, line: 1, value: "started by a test job: no database service" });
  }
  return evidence;
}

function run({ inventory }: CheckInput): CheckOutcome {
  const prod = usesOf(inventory, "database", "prod");
  const notApplicable = (summary: string) =>
    outcome({ findings: [], defaultSeverity: "high", compared: 0, passSummary: "", notApplicableSummary: summary });
  if (prod.length === 0) return notApplicable("no production database found");
  if (prod.every((use) => isEmbeddedEngine(use.engine)))
    return notApplicable(`prod's database is embedded (${describeUses(prod)}): CI needs no database service`);
  const jobs = inventory.ciJobs;
  if (jobs === undefined && !hasEnvironment(inventory, "ci")) return notApplicable("no CI definitions found");
  const facts = jobs === undefined ? legacyFacts(inventory) : ciFacts(inventory, jobs);
  const callsNote =
    facts.calls.length > 0
      ? `CI calls reusable workflows of other repositories (${facts.calls.slice(0, 3).join(", ")}), which cannot be read here`
      : null;
  if (jobs !== undefined && facts.testJobs.length === 0) {
    if (callsNote)
      return outcome({
        findings: [],
        defaultSeverity: "high",
        compared: 0,
        unknown: [callsNote],
        passSummary: "",
        notApplicableSummary: "",
      });
    return notApplicable("no CI job runs the tests");
  }
  const ci = facts.started;
  const findings: FindingDraft[] = [];
  const unknown: string[] = [];
  if (ci.length === 0) {
    if (facts.unstarted.length > 0) {
      unknown.push(
        `CI's test jobs set ${describeUses(facts.unstarted)} connection URLs but start no database: the tests may mock it`,
      );
    } else if (callsNote) {
      unknown.push(`CI's test jobs start no database; ${callsNote}`);
    } else {
      findings.push({
        message: `CI's test jobs start no database, ${describeUses(prod)} in prod`,
        evidence: [
          ...(jobs === undefined ? ciFileEvidence(inventory) : jobEvidence(facts.testJobs)),
          ...evidenceList(prod),
        ],
        service: `database:${engineKey(prod)}`,
        environments: ["ci", "prod"],
        // Tests may mock the database or use an embedded fallback: a gap, but not proven wrong.
        severity: "medium",
      });
    }
  } else {
    const prodEngines = new Set(prod.map((use) => use.engine));
    const tested = [...prodEngines].filter((engine) =>
      ci.some((use) => use.engine === engine || clientOnlyAlike(engine, use.engine, prod)),
    );
    // CI testing one of prod's engines (a matrix over several) is parity for that engine: only
    // when it tests none of them is the engine itself different.
    if (tested.length === 0) findings.push(...diffEngines("database", "ci", ci, prod));
    for (const engine of tested.sort()) {
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

/**
 * MySQL and MariaDB speak one protocol: when prod's only evidence is a client (Rails' `mysql2`
 * adapter, a driver dependency, a `mysql://` URL), it does not tell which server prod runs, so
 * CI's MariaDB (or MySQL) is not a different engine.
 */
function clientOnlyAlike(prodEngine: string, ciEngine: string, prod: readonly ServiceUse[]): boolean {
  const pair = new Set([prodEngine, ciEngine]);
  if (!(pair.has("mysql") && pair.has("mariadb"))) return false;
  return prod
    .filter((use) => use.engine === prodEngine)
    .every((use) => use.via === "adapter" || use.via === "dependency" || use.via === "url");
}

function ciFileEvidence(inventory: Inventory): Evidence[] {
  return inventory.files
    .filter((file) => file.environments.includes("ci"))
    .map((file) => ({ environment: "ci", file: file.path, line: 1, value: "no database service" }));
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
