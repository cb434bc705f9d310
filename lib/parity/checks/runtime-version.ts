import type { Check, CheckInput, CheckOutcome, FindingDraft, Inventory, ServiceUse } from "../types";
import { diffEngines } from "./compare-engines";
import { compareVersions } from "./compare-versions";
import { NON_PROD, outcome, usesOf } from "./shared";

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
  return !TOOLING.test(use.file) && !TEST_FOLDER.test(use.file);
}

function run(input: CheckInput): CheckOutcome {
  const inventory: Inventory = { ...input.inventory, uses: input.inventory.uses.filter(isAppRuntime) };
  const prod = usesOf(inventory, "runtime", "prod");
  const prodEngines = new Set(prod.map((use) => use.engine));
  const prodLanguages = new Set(prod.map((use) => languageOf(use.engine)));
  const findings: FindingDraft[] = [];
  let compared = 0;
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
  const versions = compareVersions(inventory, "runtime", NON_PROD);
  findings.push(...versions.findings);
  return outcome({
    findings,
    defaultSeverity: "medium",
    compared: compared + versions.compared,
    unknown: versions.unknown,
    passSummary: "dev, CI and prod declare the same runtime versions",
    notApplicableSummary: "no production runtime found, or no other environment declares one",
  });
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
