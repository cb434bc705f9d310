import type { Node } from "yaml";
import { redactText } from "../../redact";
import type { ExtractContext, ExtractResult } from "../../types";
import { getNode, scalarText } from "../kubernetes/yaml-nodes";
import { dirname, joinPath } from "../kustomize/paths";
import { pathIndex } from "../path-index";
import { type DeploySignal, deployAction, deployCommand } from "./deploy";
import type { Scope } from "./expressions";
import { imageTextUses, type JobFacts } from "./job-uses";
import { composeStart, dockerRunImage, shellCommands } from "./shell";

type Reference = NonNullable<ExtractResult["references"]>[number];

export interface StepFacts extends JobFacts {
  references: Reference[];
  deploys: (DeploySignal & { line: number })[];
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
) {
  const uses = scalarText(getNode(step, "uses"));
  if (uses) {
    const signal = deployAction(uses);
    if (signal) {
      const line = scope.lineOf(getNode(step, "uses"));
      facts.deploys.push({ evidence: signal.evidence, environment: signal.environment, line });
    }
    return;
  }
  const run = getNode(step, "run");
  if (!run) return;
  let cwd = joinPath(workingDirectory, scalarText(getNode(step, "working-directory")) ?? "") ?? "";
  for (const command of shellCommands(run, content, scope.lineOf)) {
    const words = command.words;
    if (words[0] === "cd" && words[1] && !words[1].includes("$")) {
      cwd = joinPath(cwd, words[1]) ?? cwd;
      continue;
    }
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
    const image = dockerRunImage(words);
    if (image) {
      dockerRunUse(image, command.line, jobId, scope, facts);
      continue;
    }
    const compose = composeStart(words);
    if (compose) composeReferences(compose, cwd, command.line, ctx, facts);
  }
}

function dockerRunUse(image: string, line: number, jobId: string, scope: Scope, facts: StepFacts) {
  // Shell variables (`$PG_IMAGE`) resolve from literal `env:`; `${{ }}` expressions resolve after.
  const expanded = image.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (whole, name: string) => scope.env.get(name) ?? whole);
  if (/\$(?!\{\{)/.test(expanded)) {
    facts.problems.push({
      type: "skipped",
      line,
      message: `docker run image ${redactText(image)} uses an unset shell variable`,
    });
    return;
  }
  const before = facts.uses.length;
  imageTextUses(expanded, line, jobId, scope, facts);
  for (const use of facts.uses.slice(before)) use.raw = `docker run ${use.raw.replace(/^image: /, "")}`;
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
