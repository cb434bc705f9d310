import type { Node } from "yaml";
import { resolveImage } from "../../catalog";
import { redactText } from "../../redact";
import type { ExtractContext, ExtractResult } from "../../types";
import { pathIndex } from "../shared/path-index";
import { dirname, joinPath } from "../shared/paths";
import { getNode, getPath, parseYamlDocuments, scalarText, seqItems } from "../shared/yaml-nodes";
import { type DeploySignal, deployAction, deployCommand } from "./deploy";
import { resolveExpressions, type Scope } from "./expressions";
import { follow, type Reached } from "./follow";
import { dockerBuildFile, dockerfilePath, dockerfileTests } from "./image-builds";
import { imageTextUses, type JobFacts } from "./job-uses";
import { databaseAction, serviceStart } from "./services";
import { actionName } from "./setup-actions";
import { composeStart, dockerRunImage, programWords, type ShellCommand, shellCommands } from "./shell";
import { testCommand } from "./tests";

type Reference = NonNullable<ExtractResult["references"]>[number];

export interface StepFacts extends JobFacts {
  references: Reference[];
  deploys: (DeploySignal & { line: number })[];
  /** Test commands the job runs (`pytest`, `npm test`), for telling test jobs from the others. */
  tests: string[];
}

const DEFAULT_COMPOSE = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
const DEFAULT_OVERRIDES = [
  "compose.override.yaml",
  "compose.override.yml",
  "docker-compose.override.yaml",
  "docker-compose.override.yml",
];

/** Reads one step: deploy actions, and in `run:` docker/compose starts and deploy commands. */
export function readStep(
  step: Node,
  jobId: string,
  workingDirectory: string,
  scope: Scope,
  content: string,
  ctx: ExtractContext,
  facts: StepFacts,
  depth = 0,
) {
  const uses = scalarText(getNode(step, "uses"));
  if (uses) {
    const line = scope.lineOf(getNode(step, "uses"));
    const signal = deployAction(uses);
    if (signal) facts.deploys.push({ evidence: signal.evidence, environment: signal.environment, line });
    databaseActionUses(step, uses, line, jobId, scope, facts);
    const runner = testAction(uses);
    if (runner) facts.tests.push(runner);
    if (actionName(uses) === "docker/build-push-action") {
      const inputs = getNode(step, "with");
      const file = scalarText(getNode(inputs, "file")) ?? null;
      const context = scalarText(getNode(inputs, "context")) ?? null;
      const path = dockerfilePath(file, context && /^[a-z]+:\/\//i.test(context) ? null : context, "");
      const built = path ? dockerfileTests(path, ctx) : null;
      if (built) facts.tests.push(redactText(built));
    }
    if (uses.startsWith("./") && depth < 2)
      compositeAction(uses, line, jobId, workingDirectory, scope, ctx, facts, depth);
    return;
  }
  const run = getNode(step, "run");
  if (!run) return;
  const cwd = joinPath(workingDirectory, scalarText(getNode(step, "working-directory")) ?? "") ?? "";
  readCommands(shellCommands(run, content, scope.lineOf), jobId, cwd, scope, ctx, facts);
}

/**
 * Commands of one script, in order: what they start, test and deploy, followed into package
 * scripts, make targets and repository scripts. Other CI systems' scripts (Travis `script:`,
 * Drone `commands:`) are read the same way, with a scope of their literal environment.
 */
export function readCommands(
  commands: readonly ShellCommand[],
  jobId: string,
  workingDirectory: string,
  scope: Scope,
  ctx: ExtractContext,
  facts: StepFacts,
) {
  let cwd = workingDirectory;
  // Shell variables assigned earlier in the script (`IMAGE=app:$SHA`), over the literal `env:`.
  const vars = new Map(scope.env);
  for (const command of commands) {
    const words = command.words;
    if (words[0] === "cd" && words[1] && !words[1].includes("$")) {
      cwd = joinPath(cwd, words[1]) ?? cwd;
      continue;
    }
    if (assign(words, vars)) continue;
    const signal = deployCommand(words);
    if (signal) {
      // Written out (a spread of `signal` gives these keys in this order, at a higher cost).
      facts.deploys.push({
        evidence: redactText(signal.evidence),
        environment: signal.environment,
        line: command.line,
      });
      continue;
    }
    // What the command runs, through package scripts, make targets and repository scripts.
    // A followed script's assignments stay in the script (a copy of the step's variables).
    const scriptVars = new Map(vars);
    follow(words, cwd, ctx, (reached) => {
      readCommand(reached, command.line, jobId, scope, reached.trail.length === 0 ? vars : scriptVars, ctx, facts);
    });
  }
}

/** `X=value` or `export X=value` alone: kept for later commands (unresolvable values dropped). */
function assign(words: readonly string[], vars: Map<string, string>): boolean {
  const list = words[0] === "export" ? words.slice(1) : words;
  if (list.length === 0 || !list.every((word) => /^[A-Za-z_]\w*=/.test(word))) return false;
  for (const word of list) {
    const name = word.slice(0, word.indexOf("="));
    const value = expandShell(word.slice(word.indexOf("=") + 1), vars);
    if (value === null) vars.delete(name);
    else vars.set(name, value);
  }
  return true;
}

/** `$X` and `${X}` from known variables; null when one is unknown (`$GITHUB_SHA`, `$(cmd)`). */
function expandShell(text: string, vars: Map<string, string>): string | null {
  let unknown = false;
  const expanded = text.replace(/\$\{?([A-Za-z_]\w*)(?::-([^}]*))?\}?/g, (_whole, name: string, fallback?: string) => {
    const value = vars.get(name) ?? fallback;
    if (value === undefined) unknown = true;
    return value ?? "";
  });
  if (unknown || /\$\(|`/.test(expanded)) return null;
  return expanded;
}

/** One command reached from a step: tests, containers, compose files and services it starts. */
function readCommand(
  reached: Reached,
  line: number,
  jobId: string,
  scope: Scope,
  vars: Map<string, string>,
  ctx: ExtractContext,
  facts: StepFacts,
) {
  const words = reached.words;
  if (reached.trail.length > 0 && assign(words, vars)) return;
  const via = reached.trail.length > 0 ? ` (${reached.trail[reached.trail.length - 1]})` : "";
  const test = reached.testName ?? testCommand(words);
  if (test) facts.tests.push(redactText(test));
  const dockerfile = dockerBuildFile(words, reached.cwd);
  const built = dockerfile ? dockerfileTests(dockerfile, ctx) : null;
  if (built) facts.tests.push(redactText(built));
  const image = dockerRunImage(words);
  if (image) {
    dockerRunUse(image, line, jobId, scope, vars, via, facts);
    return;
  }
  const compose = composeStart(words);
  if (compose) {
    const files = compose.files.map((file) => expandShell(file, vars));
    // A compose file named by a variable nobody set cannot be known: nothing is claimed.
    if (files.some((file) => file === null)) return;
    composeReferences({ ...compose, files: files as string[] }, reached.cwd, line, ctx, facts);
    return;
  }
  const service = serviceStart(words);
  if (service) {
    const resolved = resolveImage(service.image);
    if (!resolved || resolved.kind === "runtime") return;
    facts.uses.push({
      kind: resolved.kind,
      engine: resolved.engine,
      version: resolved.pinned ? resolved.version : null,
      pinned: null,
      line,
      raw: redactText(`${programWords(words).join(" ")}${via}`).slice(0, 140),
      via: "setting",
      environment: "ci",
      name: jobId,
    });
  }
}

function dockerRunUse(
  image: string,
  line: number,
  jobId: string,
  scope: Scope,
  vars: Map<string, string>,
  via: string,
  facts: StepFacts,
) {
  // Shell variables (`$PG_IMAGE`) resolve from the script and literal `env:`; `${{ }}` after.
  const expanded = expandShell(image, vars);
  // An image CI computes (`app:$GITHUB_SHA`) cannot be known here, and says nothing of services.
  if (expanded === null) return;
  const before = facts.uses.length;
  imageTextUses(expanded, line, jobId, scope, facts);
  for (const use of facts.uses.slice(before)) use.raw = `docker run ${use.raw.replace(/^image: /, "")}${via}`;
}

/** Database actions (`ankane/setup-postgres`): the engine, at the version its input names. */
function databaseActionUses(step: Node, uses: string, line: number, jobId: string, scope: Scope, facts: StepFacts) {
  const action = databaseAction(actionName(uses));
  if (!action) return;
  const inputs = getNode(step, "with");
  const distribution = scalarText(getNode(inputs, "distribution"));
  const image = distribution && /mariadb/i.test(distribution) ? "mariadb" : action.image;
  const versionNode = action.inputs.map((name) => getNode(inputs, name)).find((node) => node !== undefined);
  const versionText = scalarText(versionNode);
  const versions = versionText ? (resolveExpressions(versionText, scope) ?? [{ value: "" }]) : [{ value: "" }];
  for (const resolved of versions) {
    const version = resolved.value.trim();
    const service = resolveImage(version && !/latest/i.test(version) ? `${image}:${version}` : image);
    if (!service || service.kind === "runtime") continue;
    facts.uses.push({
      kind: service.kind,
      engine: service.engine,
      version: version ? service.version : null,
      pinned: null,
      line: resolved.line ?? line,
      raw: redactText(`uses: ${uses}${version ? ` (${version})` : ""}`),
      via: "action",
      environment: "ci",
      name: jobId,
    });
  }
}

/**
 * A local composite action (`uses: ./.github/actions/setup-db`): its steps run in the job, so
 * what they start and run is the job's. Facts point at the step that uses the action.
 */
function compositeAction(
  uses: string,
  line: number,
  jobId: string,
  workingDirectory: string,
  scope: Scope,
  ctx: ExtractContext,
  facts: StepFacts,
  depth: number,
) {
  const dir = joinPath("", uses.slice(2));
  if (!dir) return;
  const path = [`${dir}/action.yml`, `${dir}/action.yaml`].find((p) => ctx.readFile(p) !== undefined);
  const content = path ? ctx.readFile(path) : undefined;
  if (!path || content === undefined) return;
  const parsed = parseYamlDocuments(content);
  if (parsed.problems.length > 0) return;
  const steps = seqItems(getPath(parsed.roots[0], ["runs", "steps"]));
  const before = facts.uses.length;
  const inner: Scope = { ...scope, lineOf: () => line };
  for (const step of steps) readStep(step, jobId, workingDirectory, inner, content, ctx, facts, depth + 1);
  for (const use of facts.uses.slice(before)) {
    use.line = line;
    use.raw = `${use.raw} (${path})`.slice(0, 160);
  }
}

/** Actions that run tests (`cypress-io/github-action`). */
function testAction(uses: string): string | null {
  const name = actionName(uses);
  if (name === "cypress-io/github-action") return "cypress";
  return null;
}

function composeReferences(
  compose: { files: string[]; projectDirectory: string | null },
  cwd: string,
  line: number,
  ctx: ExtractContext,
  facts: StepFacts,
) {
  const dir = compose.projectDirectory ? (joinPath(cwd, compose.projectDirectory) ?? cwd) : cwd;
  const inDir = (name: string) => (dir ? `${dir}/${name}` : name);
  let files = compose.files
    .map((f) => joinPath(f.startsWith("/") ? "" : cwd, f))
    .filter((f): f is string => Boolean(f));
  if (files.length === 0) {
    // Without -f, compose reads the first default file and its override beside it.
    const main = DEFAULT_COMPOSE.map(inDir).find((p) => pathIndex(ctx.paths).has(p));
    const override = main
      ? DEFAULT_OVERRIDES.map((n) => joinPath(dirname(main), n) ?? n).find((p) => pathIndex(ctx.paths).has(p))
      : undefined;
    files = [main, override].filter((f): f is string => Boolean(f));
  }
  for (const path of files) {
    if (!path.includes("$") && !facts.references.some((r) => r.path === path))
      facts.references.push({ path, environment: "ci", line });
  }
}
