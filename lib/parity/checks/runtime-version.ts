import { isCopiedBuildStage } from "../formats/dockerfile/stages";
import { compareRuntimeVersions, isDocumented, isMinimum } from "../formats/runtime-versions/roles";
import type { Check, CheckInput, CheckOutcome, CiJob, FindingDraft, ServiceUse } from "../types";
import { diffEngines } from "./compare-engines";
import { compareVersions, covers, worstSeverity } from "./compare-versions";
import { staleDocumentation } from "./runtime-docs";
import { floatingAgainstProd, isFloatingSetup, partialProdVersions } from "./runtime-floating";
import {
  closestDistance,
  describeUses,
  engineName,
  environmentList,
  evidenceList,
  knownVersions,
  NON_PROD,
  outcome,
  severityByDistance,
  sortedEnvironments,
  usesOf,
} from "./shared";

/** Runtimes of one language can stand in for each other (Node.js, Bun, Deno); others cannot. */
const LANGUAGE: Record<string, string> = { node: "javascript", bun: "javascript", deno: "javascript" };
const languageOf = (engine: string) => LANGUAGE[engine] ?? engine;

/**
 * Runtimes of tooling, not of the app: code generators (`genproto/Dockerfile`), Go tool modules
 * (`internal/tools/go.mod`), `hack/` scripts, and images under a test folder (an e2e runner's
 * `tests/Dockerfile`): what the app runs on is declared elsewhere.
 */
const TOOLING = /(?:^|\/)(?:genproto|codegen|protos?|tools|hack)\//;
const TEST_FOLDER = /(?:^|\/)(?:tests?|e2e|cypress|playwright)\//;

function isAppRuntime(use: ServiceUse): boolean {
  if (use.kind !== "runtime") return true;
  if (isMinimum(use)) return !TOOLING.test(use.file);
  return !TOOLING.test(use.file) && !TEST_FOLDER.test(use.file);
}

/**
 * CI's runtimes of one engine as the test jobs set them up, when some test job sets one up: a
 * job that packages a desktop app on Node 20 says nothing about the Node the suite runs on (22).
 * Without the job list, or when no test job sets the engine up, every CI runtime of it counts.
 */
function ciAsTested(uses: readonly ServiceUse[], jobs: readonly CiJob[] | undefined): ServiceUse[] {
  const testJobs = (jobs ?? []).filter((job) => job.tests !== null);
  if (testJobs.length === 0) return [...uses];
  const inTestJob = (use: ServiceUse) =>
    testJobs.some(
      (job) => use.file === job.workflow && (use.name === job.job || (use.name ?? "").startsWith(`${job.job}/`)),
    );
  const isCiRuntime = (use: ServiceUse) => use.kind === "runtime" && use.environment === "ci";
  const testedEngines = new Set(uses.filter((use) => isCiRuntime(use) && inTestJob(use)).map((use) => use.engine));
  return uses.filter((use) => !isCiRuntime(use) || !testedEngines.has(use.engine) || inTestJob(use));
}

function run(input: CheckInput): CheckOutcome {
  const app = input.inventory.uses.filter(isAppRuntime);
  const minimums = app.filter(isMinimum);
  const floors = belowMinimum(
    app.filter((use) => use.kind === "runtime" && !isMinimum(use)),
    minimums,
  );
  const stages = buildVersusRun(app);
  const running = app.filter((use) => use.kind === "runtime" && !isMinimum(use) && !isDocumented(use));
  const docs = staleDocumentation(
    app.filter((use) => isDocumented(use) && !floors.reported.has(use)),
    running,
    minimums,
  );
  // A use already reported below its floor is not reported again against prod; documentation
  // never counts as a runtime that runs (it is compared with the minimums, or with what runs).
  const uses = ciAsTested(
    app.filter((use) => !isMinimum(use) && !isDocumented(use) && !floors.reported.has(use)),
    input.inventory.ciJobs,
  );
  const inventory = { ...input.inventory, uses };
  const prod = usesOf(inventory, "runtime", "prod");
  const prodEngines = new Set(prod.map((use) => use.engine));
  const prodLanguages = new Set(prod.map((use) => languageOf(use.engine)));
  const findings: FindingDraft[] = [...floors.findings, ...stages, ...docs];
  let compared = floors.compared + stages.length + docs.length;
  if (prod.length > 0) {
    for (const environment of NON_PROD) {
      // A runtime of another language is another part of the system (Node.js building the
      // frontend of a Python app), not the application running elsewhere: not compared.
      const uses = usesOf(inventory, "runtime", environment).filter((use) => prodLanguages.has(languageOf(use.engine)));
      if (uses.length === 0) continue;
      compared += 1;
      // CI often sets up extra runtimes for tooling (Python for a linter beside a Node app): only an
      // environment that runs none of prod's runtimes is running the application on another one.
      if (uses.some((use) => prodEngines.has(use.engine))) continue;
      findings.push(
        ...diffEngines("runtime", environment, uses, prod).map((finding) => ({
          ...finding,
          severity: "high" as const,
        })),
      );
    }
  }
  const versions = versionsAgainstProd(uses);
  findings.push(...versions.findings);
  const partial = partialProdVersions(uses);
  findings.push(...partial);
  compared += partial.length;
  // Prod silent about an engine's version: the other environments against each other.
  const silent = compareVersions(inventory, "runtime", [], { whenProdSilent: NON_PROD });
  findings.push(...silent.findings);
  return outcome({
    findings,
    defaultSeverity: "medium",
    compared: compared + versions.compared + silent.compared,
    unknown: [...versions.unknown, ...silent.unknown],
    passSummary: "dev, CI and prod declare the same runtime versions",
    notApplicableSummary: "no production runtime found, or no other environment declares one",
  });
}

const known = (use: ServiceUse) => use.version !== null && use.emulator === undefined;

/**
 * Each environment's runtime versions against prod's, one finding per environment and engine
 * (each is its own fix: the dev container's image, a CI workflow). The environments that already
 * run prod's version are cited beside it, so the finding shows where the right version is set.
 */
function versionsAgainstProd(uses: readonly ServiceUse[]): {
  findings: FindingDraft[];
  compared: number;
  unknown: string[];
} {
  const findings: FindingDraft[] = [];
  const unknown: string[] = [];
  let compared = 0;
  const runtimes = uses.filter((use) => use.kind === "runtime");
  const prod = runtimes.filter((use) => use.environment === "prod");
  for (const engine of [...new Set(prod.map((use) => use.engine))].sort()) {
    const prodUses = prod.filter((use) => use.engine === engine);
    const prodVersions = knownVersions(prodUses);
    if (prodVersions.length === 0) continue;
    const isProdVersion = (use: ServiceUse) => prodVersions.some((version) => covers(use.version ?? "", version));
    let present = false;
    let comparedHere = 0;
    for (const environment of NON_PROD) {
      const all = runtimes.filter((use) => use.environment === environment && use.engine === engine);
      if (all.length > 0) present = true;
      const versioned = all.filter(known);
      if (versioned.length === 0) {
        const floating = all.filter(isFloatingSetup);
        if (floating.length === 0) continue;
        comparedHere += 1;
        findings.push(floatingAgainstProd(environment, floating, prodUses));
        continue;
      }
      comparedHere += 1;
      // A CI matrix that includes prod's version tests the others as extra coverage, not instead.
      if (environment === "ci" && versioned.some((use) => prodVersions.includes(use.version ?? ""))) continue;
      const differing = versioned.filter(
        (use) => !isProdVersion(use) && severityByDistance(closestDistance(use.version ?? "", prodVersions)) !== null,
      );
      const severity = worstSeverity(
        differing.map((use) => severityByDistance(closestDistance(use.version ?? "", prodVersions)) ?? "low"),
      );
      if (severity === null) continue;
      const others = runtimes.filter(
        (use) => use.environment !== "prod" && use.environment !== environment && use.engine === engine && known(use),
      );
      const agreeing = others.filter(isProdVersion);
      // A third version in a later stage shows which one the team meant (a devcontainer on 18
      // while CI tests on 22 and an old image runs 20); one that repeats this environment's adds
      // nothing, and an earlier stage's (dev's, in CI's finding) is not this environment's fix.
      const later = (use: ServiceUse) => NON_PROD.indexOf(use.environment) > NON_PROD.indexOf(environment);
      const elsewhere = others.filter(
        (use) =>
          later(use) && !isProdVersion(use) && !differing.some((here) => covers(use.version ?? "", here.version ?? "")),
      );
      findings.push({
        message:
          `${describeUses(differing)} in ${environment}, ${describeUses(prodUses)} in prod` +
          alsoRun(agreeing, "like prod") +
          alsoRun(elsewhere, ""),
        evidence: evidenceList([...differing, ...prodUses, ...agreeing, ...elsewhere]),
        service: `runtime:${engine}`,
        environments: [environment, "prod"],
        severity,
      });
    }
    compared += comparedHere;
    // Prod pins a version and an environment runs the engine, but none says which version.
    if (comparedHere === 0 && present)
      unknown.push(
        `${engineName("runtime", engine)} ${prodVersions.join("/")} in prod; no other environment declares its version`,
      );
  }
  return { findings, compared, unknown };
}

/** `; ci runs Java 17 like prod`: where the version a finding asks for is already in use. */
function alsoRun(uses: readonly ServiceUse[], how: string): string {
  if (uses.length === 0) return "";
  const environments = sortedEnvironments(uses.map((use) => use.environment));
  const verb = environments.length > 1 ? "run" : "runs";
  return `; ${environmentList(environments)} ${verb} ${describeUses(uses)}${how ? ` ${how}` : ""}`;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

const isUnder = (file: string, dir: string) => dir === "" || file.startsWith(`${dir}/`);

/**
 * Runtimes older than the minimum the project's own files state (go.mod's `go` line, an `engines`
 * floor, composer.json's `php`): that environment cannot build or install the project. A minimum
 * applies to the files in its folder and below, the nearest one winning (a module's go.mod, not the
 * repository's). One finding per minimum and environment; the uses that meet it are cited.
 */
function belowMinimum(
  runtimes: readonly ServiceUse[],
  minimums: readonly ServiceUse[],
): { findings: FindingDraft[]; reported: Set<ServiceUse>; compared: number } {
  const reported = new Set<ServiceUse>();
  const findings: FindingDraft[] = [];
  let compared = 0;
  const governing = (use: ServiceUse) =>
    minimums
      .filter(
        (minimum) =>
          minimum.engine === use.engine && minimum.version !== null && isUnder(use.file, dirOf(minimum.file)),
      )
      .sort((a, b) => dirOf(b.file).length - dirOf(a.file).length)[0];
  const byMinimum = new Map<ServiceUse, ServiceUse[]>();
  for (const use of runtimes) {
    if (!known(use)) continue;
    const minimum = governing(use);
    if (!minimum) continue;
    byMinimum.set(minimum, [...(byMinimum.get(minimum) ?? []), use]);
  }
  for (const [minimum, uses] of byMinimum) {
    compared += 1;
    const floor = minimum.version ?? "";
    const below = uses.filter((use) => compareRuntimeVersions(use.version ?? "", floor) < 0);
    // Documentation states a version; it runs nowhere, so it never counts as meeting the minimum.
    const meeting = uses.filter((use) => compareRuntimeVersions(use.version ?? "", floor) >= 0 && !isDocumented(use));
    const groups = new Map<string, ServiceUse[]>();
    for (const use of below) {
      const key = isDocumented(use) ? `docs\u0000${use.file}` : use.environment;
      groups.set(key, [...(groups.get(key) ?? []), use]);
    }
    for (const here of groups.values()) {
      const first = here[0];
      if (!first) continue;
      for (const use of here) reported.add(use);
      const others = meeting.filter((use) => use.environment !== first.environment || use.file !== first.file);
      const subject = isDocumented(first)
        ? `${first.file} tells readers to install ${describeUses(here)}, which`
        : `${describeUses(here)} in ${first.environment}`;
      findings.push({
        message:
          `${subject} is older than the minimum ${minimum.file} requires (${minimum.raw})` +
          alsoRun(others, "that meets it"),
        evidence: evidenceList([...here, minimum, ...others]),
        service: `runtime:${minimum.engine}`,
        environments: sortedEnvironments([first.environment, ...others.map((use) => use.environment)]),
        severity: "medium",
      });
    }
  }
  return { findings, reported, compared };
}

/**
 * One Dockerfile whose runtime stage copies what a build stage installed on another version of
 * the same runtime (`npm ci` on Node 26, run on distroless Node 22): native modules and compiled
 * caches are built for the builder's version. Java only when the builder is newer (older class
 * files run on a newer JVM).
 */
function buildVersusRun(uses: readonly ServiceUse[]): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const runtimes = uses.filter((use) => use.kind === "runtime" && known(use));
  const isRuntimeStage = (use: ServiceUse) => !use.name?.startsWith("build stage");
  const copiedByFile = new Map<string, ServiceUse[]>();
  for (const stage of runtimes.filter(isCopiedBuildStage)) {
    copiedByFile.set(stage.file, [...(copiedByFile.get(stage.file) ?? []), stage]);
  }
  for (const runtime of runtimes.filter(isRuntimeStage)) {
    const stages = (copiedByFile.get(runtime.file) ?? []).filter(
      (stage) =>
        stage.environment === runtime.environment &&
        stage.engine === runtime.engine &&
        !covers(stage.version ?? "", runtime.version ?? "") &&
        // Java runs older class files on a newer JVM: only a newer builder is a mismatch.
        (stage.engine !== "java" || compareRuntimeVersions(stage.version ?? "", runtime.version ?? "") > 0),
    );
    const severity = worstSeverity(
      stages.map((stage) => severityByDistance(closestDistance(stage.version ?? "", [runtime.version ?? ""])) ?? "low"),
    );
    if (severity === null) continue;
    findings.push({
      message: `${runtime.file} installs with ${describeUses(stages)} in its build stage and runs on ${describeUses([runtime])}`,
      evidence: evidenceList([...stages, runtime]),
      service: `runtime:${runtime.engine}`,
      environments: [runtime.environment],
      // What the build installed may be plain JavaScript that runs anywhere: never more than medium.
      severity: severity === "high" ? "medium" : severity,
    });
  }
  return findings;
}

export const runtimeVersion = {
  id: "runtime-version",
  gap: "tools",
  severity: "medium",
  level: "gold",
  title: "Same language runtime version in dev, CI and prod",
  rationale:
    "Runtimes change behaviour between versions: Node.js majors change default TLS and OpenSSL settings, " +
    "fetch and module resolution; Python minors remove deprecated modules and change typing and asyncio " +
    "behaviour; Ruby 3 separated keyword arguments; Java majors remove APIs and change default GC and " +
    "encodings. Native dependencies are built for one ABI. Code that runs on the developer's runtime can " +
    "fail to install, fail to start or behave differently on the production image.",
  remediation:
    "Declare the runtime version once (`.nvmrc`, `.python-version`, `.tool-versions`, `engines`) and use " +
    "the same major (major.minor for Python, Ruby, Go, PHP) in the Dockerfile's base image, the CI " +
    "`setup-*` action and the devcontainer.",
  run,
} satisfies Check;
