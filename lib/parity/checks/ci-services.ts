import { isEmbeddedEngine } from "../catalog";
import type {
  Check,
  CheckInput,
  CheckOutcome,
  CiJob,
  Evidence,
  FindingDraft,
  Inventory,
  ServiceKind,
  ServiceUse,
  TestDouble,
} from "../types";
import { diffEngines } from "./compare-engines";
import { applicationFiles, diffDeployments, diffVersions } from "./compare-versions";
import {
  describeUses,
  engineKey,
  evidenceList,
  hasEnvironment,
  joinWords,
  knownVersions,
  outcome,
  usesOf,
} from "./shared";

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
  // The CI file's own facts (Actions, Travis, Drone): named by job, or shared by the whole file.
  if (use.file === job.workflow) {
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

function databaseOutcome(inventory: Inventory): CheckOutcome {
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
    const untested = untestedFinding(inventory, jobs, prod);
    if (typeof untested === "string")
      return outcome({
        findings: [],
        defaultSeverity: "high",
        compared: 0,
        unknown: [untested],
        passSummary: "",
        notApplicableSummary: "",
      });
    if (untested)
      return outcome({
        findings: [untested],
        defaultSeverity: "high",
        compared: 1,
        passSummary: "",
        notApplicableSummary: "",
      });
    return notApplicable("no CI job runs the tests");
  }
  const ci = facts.started;
  const findings: FindingDraft[] = [];
  const unknown: string[] = [];
  const doubles = ci.length === 0 && !callsNote ? doublesFor(inventory, "database", prod) : [];
  if (doubles.length > 0) {
    // The tests that run are proven to talk to a double, not to a database: the rationale's case.
    findings.push({
      message: `CI's test jobs start no database and the tests replace its client with ${describeDoubles(doubles)}; ${describeUses(prod)} in prod`,
      evidence: [
        ...(jobs === undefined ? ciFileEvidence(inventory) : jobEvidence(facts.testJobs)),
        ...doubleEvidence(doubles),
        ...evidenceList(prod),
      ],
      service: `database:${engineKey(prod)}`,
      environments: ["ci", "prod"],
      severity: "high",
    });
  } else if (ci.length === 0) {
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
      // ...but not another prod deployment's (a chart on 17 beside a compose stack on 18).
      if (same.some((use) => prodVersions.includes(use.version ?? ""))) {
        findings.push(...diffDeployments("database", same, prodUses, applicationFiles(inventory)));
        continue;
      }
      const finding = diffVersions("database", "ci", same, prodUses);
      if (finding) findings.push(finding);
    }
    if (jobs !== undefined && !callsNote) findings.push(...systemsWithout(facts, prod));
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

/** The CI system a job's file belongs to: GitHub Actions' workflows together, else the file. */
function ciSystem(workflow: string): string {
  const actions = /^(.*?)\.github\/workflows\//.exec(workflow);
  return actions ? `${actions[1]}.github/workflows/` : workflow;
}

const SYSTEM_NAMES: [RegExp, string][] = [
  [/\.github\/workflows\/$/, "GitHub Actions"],
  [/\.travis\.yml$/, "Travis"],
  [/\.drone\.ya?ml$/, "Drone"],
];

/**
 * Each CI system runs the whole suite on its own: one whose test jobs start no database (and set
 * no URL to one) while another system's do tests without it (medium, as CI with no database).
 */
function systemsWithout(facts: CiFacts, prod: readonly ServiceUse[]): FindingDraft[] {
  const systems = new Map<string, CiJob[]>();
  for (const job of facts.testJobs) {
    const key = ciSystem(job.workflow);
    systems.set(key, [...(systems.get(key) ?? []), job]);
  }
  if (systems.size < 2) return [];
  const uses = [...facts.started, ...facts.unstarted];
  return [...systems].flatMap(([key, jobs]) => {
    if (uses.some((use) => jobs.some((job) => belongsTo(use, job)))) return [];
    const name = SYSTEM_NAMES.find(([pattern]) => pattern.test(key))?.[1] ?? key;
    return [
      {
        message: `${name}'s test jobs start no database while other CI systems' do, ${describeUses(prod)} in prod`,
        evidence: [...jobEvidence(jobs), ...evidenceList(prod)],
        service: `database:${engineKey(prod)}`,
        environments: ["ci", "prod"],
        severity: "medium",
      } satisfies FindingDraft,
    ];
  });
}

/** Test sources by name, in the conventions of the common test runners. */
const TEST_FILE =
  /(^|\/)([^/]+_test\.(go|py|exs)|test_[^/]+\.py|[^/]+\.(test|spec)\.[cm]?[jt]sx?|[^/]+_(spec|test)\.rb|[^/]+Tests?\.(java|kt|php|cs))$/;
const NOT_OURS = /(^|\/)(node_modules|vendor|third_party|examples?|testdata|fixtures)\//;

/** CI definitions the engine reads: a job list comes from each of them. */
const READ_CI = /^(\.github\/workflows\/[^/]+\.ya?ml|\.travis\.yml|\.drone\.ya?ml)$/;
/** CI definitions of systems the engine does not read: their jobs may run the tests. */
const UNREAD_CI =
  /^(\.gitlab-ci\.ya?ml|\.gitlab\/ci\/.+|\.circleci\/.+|\.buildkite\/.+|bitbucket-pipelines\.ya?ml|azure-pipelines\.ya?ml|\.azure-pipelines\/.+|\.azure\/.+\.ya?ml|Jenkinsfile.*|\.drone\.(jsonnet|star)|\.woodpecker(\.ya?ml|\/.+)|\.?appveyor\.ya?ml|\.semaphore\/.+|\.cirrus\.ya?ml|cloudbuild\.ya?ml|\.tekton\/.+|wercker\.yml|codefresh\.ya?ml|\.buildkite\.ya?ml|bamboo-specs\/.+|\.teamcity\/.+|\.github\/workflows\/.+\/.+)$/;

/**
 * Every CI job was read and none runs the tests, while the repository has tests and prod runs a
 * database server: no change is ever tested against it in CI. Said only when nothing else could
 * run them: a CI system the engine does not read, a workflow it could not parse or a reusable
 * workflow of another repository makes it unknown (the string says why); no test files, nothing.
 */
function untestedFinding(
  inventory: Inventory,
  jobs: readonly CiJob[],
  prod: readonly ServiceUse[],
): FindingDraft | string | null {
  const tests = inventory.paths.filter((path) => TEST_FILE.test(path) && !NOT_OURS.test(path));
  if (tests.length === 0 || jobs.length === 0) return null;
  const unread = inventory.paths.filter((path) => UNREAD_CI.test(path));
  if (unread.length > 0) return `no CI job read here runs the tests; ${unread.slice(0, 3).join(", ")} (not read) may`;
  const withJobs = new Set(jobs.map((job) => job.workflow));
  for (const deploy of inventory.deployJobs) withJobs.add(deploy.workflow);
  const silent = inventory.paths.filter((path) => READ_CI.test(path) && !withJobs.has(path));
  if (silent.length > 0)
    return `no CI job read here runs the tests; ${silent.slice(0, 3).join(", ")} could not be read`;
  const servers = prod.filter((use) => !isEmbeddedEngine(use.engine));
  return {
    message: `no CI job runs the tests (${tests.length} test file${tests.length === 1 ? "" : "s"} in the repository), so nothing tests against ${describeUses(servers)}, prod's database`,
    evidence: [
      ...jobs.map((job) => ({
        environment: "ci" as const,
        file: job.workflow,
        line: job.line,
        value: `${job.job}: runs no test command`,
      })),
      ...evidenceList(servers),
    ],
    service: `database:${engineKey(servers)}`,
    environments: ["ci", "prod"],
    severity: "medium",
  };
}

function run({ inventory }: CheckInput): CheckOutcome {
  const database = databaseOutcome(inventory);
  const doubled = doubledServiceFindings(inventory);
  if (doubled.length === 0) return database;
  return outcome({
    findings: [...database.findings, ...doubled],
    defaultSeverity: "high",
    compared: 1,
    passSummary: "",
    notApplicableSummary: "",
  });
}

/** Server engines a cache or broker double stands in for (an embedded one needs no service). */
const DOUBLED_KINDS: readonly ServiceKind[] = ["cache", "broker"];

/**
 * The test doubles of `kind` for the engines `prod` runs: a double naming no engine (an ORM's
 * client) stands in for whichever database prod runs.
 */
function doublesFor(
  inventory: Inventory,
  kind: ServiceKind,
  prod: readonly ServiceUse[],
): (TestDouble & { file: string })[] {
  const engines = new Set(prod.filter((use) => !isEmbeddedEngine(use.engine)).map((use) => use.engine));
  return (inventory.testDoubles ?? [])
    .filter(
      (double) => double.kind === kind && (double.engine === null ? engines.size > 0 : engines.has(double.engine)),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** `ioredis-mock in server/test/setup.ts`, `jest-mock-extended in 17 test files`. */
function describeDoubles(doubles: readonly (TestDouble & { file: string })[]): string {
  const libraries = [...new Set(doubles.map((double) => double.library))];
  const files = [...new Set(doubles.map((double) => double.file))];
  return `${joinWords(libraries)} in ${files.length === 1 ? files[0] : `${files.length} test files`}`;
}

function doubleEvidence(doubles: readonly (TestDouble & { file: string })[]): Evidence[] {
  return doubles.slice(0, 3).map((double) => ({
    environment: "test",
    file: double.file,
    line: double.line,
    value: `${double.library}: ${double.raw}`,
  }));
}

/**
 * Caches and brokers: only where the tests are proven to replace the client with a double
 * (`ioredis-mock` wired into the test setup) while prod runs the server and no CI test job
 * starts it (no service container, compose file or test container of that engine). A test job
 * that does start it runs some tests against the real thing, so nothing is said.
 */
function doubledServiceFindings(inventory: Inventory): FindingDraft[] {
  const jobs = inventory.ciJobs;
  const testJobs = (jobs ?? []).filter((job) => job.tests !== null);
  if (testJobs.length === 0 || (inventory.testDoubles ?? []).length === 0) return [];
  // Reusable workflows of other repositories may start what the jobs here do not.
  if ((jobs ?? []).some((job) => job.calls && !job.calls.startsWith("./"))) return [];
  const findings: FindingDraft[] = [];
  for (const kind of DOUBLED_KINDS) {
    const prodAll = DOUBLED_KINDS.flatMap((k) => usesOf(inventory, k, "prod"));
    const prod = usesOf(inventory, kind, "prod").filter((use) => !isEmbeddedEngine(use.engine));
    for (const engine of [...new Set(prod.map((use) => use.engine))].sort()) {
      // One finding per engine, under the kind prod uses it as first (cache before broker).
      if (kind === "broker" && usesOf(inventory, "cache", "prod").some((use) => use.engine === engine)) continue;
      const doubles = doublesFor(
        inventory,
        "cache",
        prodAll.filter((use) => use.engine === engine),
      );
      if (doubles.length === 0) continue;
      const started = inventory.uses.some(
        (use) =>
          use.engine === engine &&
          ((use.environment === "ci" && use.via !== "url" && testJobs.some((job) => belongsTo(use, job))) ||
            (use.environment === "test" && use.format === "testcontainers")),
      );
      if (started) continue;
      const prodUses = prod.filter((use) => use.engine === engine);
      const name = describeUses(prodUses);
      findings.push({
        message: `CI's test jobs start no ${name} and the tests replace its client with ${describeDoubles(doubles)}; ${name} in prod`,
        evidence: [
          ...testJobs.map((job) => ({
            environment: "ci" as const,
            file: job.workflow,
            line: job.line,
            value: `${job.job}: ${job.tests ?? "tests"}, no ${name}`,
          })),
          ...doubleEvidence(doubles),
          ...evidenceList(prodUses),
        ],
        service: `${kind}:${engine}`,
        environments: ["ci", "prod"],
        severity: "medium",
      });
    }
  }
  return findings;
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
