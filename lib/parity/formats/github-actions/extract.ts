import type { Node } from "yaml";
import { redactText } from "../../redact";
import type {
  CiJob,
  DeployedImage,
  DeployJob,
  ExtractContext,
  ExtractedUse,
  ExtractResult,
  FormatFile,
  Problem,
} from "../../types";
import { isApplicationImage, repositoryNames } from "../shared/own-image";
import { getNode, getPath, isMap, mapEntries, parseYamlDocuments, scalarText, seqItems } from "../shared/yaml-nodes";
import { matrixCombinations, resolveExpressions, type Scope } from "./expressions";
import { containerUses, envUrlUses, setupStepUses } from "./job-uses";
import { readStep, type StepFacts } from "./run-steps";
import { inputDefaults, literalEnv, readTriggers, withEnv } from "./scope";

/*
 * A workflow's jobs are CI, except deploy jobs (recognised by structure: `environment:`, a deploy
 * command or action). A deploy job's backing services and `docker compose` starts are not what
 * CI tests against, so they are left out; the runtimes it builds with (setup-node...) are
 * still CI tooling and are recorded with environment `ci` (they are what ships, when the deploy
 * job builds the artifact).
 */
export function extractGithubActions(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const parsed = parseYamlDocuments(file.content);
  if (parsed.problems.length > 0) return { uses: [], problems: parsed.problems };
  const root = parsed.roots[0];
  if (!isMap(root)) return { uses: [], problems: [] };
  // YAML 1.1 parsers read `on` as true; the yaml package (1.2) keeps it, older files may quote it.
  const on = getNode(root, "on") ?? getNode(root, "true");
  const triggers = readTriggers(on);
  const baseScope: Scope = {
    combinations: null,
    env: literalEnv(getNode(root, "env")),
    inputs: inputDefaults(on),
    lineOf: parsed.lineOf,
  };
  const workflowDir = scalarText(getPath(root, ["defaults", "run", "working-directory"])) ?? "";
  const uses: ExtractedUse[] = [];
  const problems: Problem[] = [];
  const references: NonNullable<ExtractResult["references"]> = [];
  const deployJobs: DeployJob[] = [];
  const ciJobs: CiJob[] = [];
  const images: DeployedImage[] = [];
  const names = repositoryNames(ctx.repository);
  for (const { key: jobId, keyNode, value: job } of mapEntries(getNode(root, "jobs"))) {
    if (!isMap(job)) continue;
    const called = scalarText(getNode(job, "uses"));
    if (called) {
      // A reusable workflow: a local one is read as its own file; another repository's is not here.
      ciJobs.push({
        workflow: file.path,
        job: jobId,
        line: parsed.lineOf(keyNode),
        tests: null,
        starts: [],
        calls: called,
      });
      continue;
    }
    const scope: Scope = {
      ...withEnv(baseScope, getNode(job, "env")),
      combinations: matrixCombinations(getPath(job, ["strategy", "matrix"])),
    };
    const facts: StepFacts = { uses: [], problems: [], references: [], deploys: [], tests: [], images: [] };
    const jobDir = scalarText(getPath(job, ["defaults", "run", "working-directory"])) ?? workflowDir;
    containerUses(job, jobId, scope, facts);
    for (const step of seqItems(getNode(job, "steps"))) {
      const stepScope = withEnv(scope, getNode(step, "env"));
      setupStepUses(step, jobId, stepScope, ctx, facts);
      readStep(step, jobId, jobDir, stepScope, file.content, ctx, facts);
      if (!getNode(step, "env")) continue;
      envUrlUses(getNode(step, "env"), jobId, stepScope, facts);
    }
    const deploys = deployJobsOf(file.path, jobId, job, keyNode, scope, facts, triggers);
    problems.push(...facts.problems);
    if (deploys.length > 0) {
      deployJobs.push(...deploys);
      uses.push(...facts.uses.filter((use) => use.kind === "runtime"));
      continue;
    }
    ciJobs.push({
      workflow: file.path,
      job: jobId,
      line: parsed.lineOf(keyNode),
      tests: facts.tests[0] ?? null,
      starts: facts.references.map((reference) => reference.path),
    });
    envUrlUses(getNode(job, "env"), jobId, scope, facts);
    uses.push(...facts.uses);
    for (const image of facts.images ?? []) images.push({ ...image, own: isApplicationImage(image.ref, names) });
    for (const reference of facts.references) {
      if (!references.some((r) => r.path === reference.path)) references.push(reference);
    }
  }
  if (ciJobs.length > 0) {
    const workflowFacts: StepFacts = { uses: [], problems: [], references: [], deploys: [], tests: [] };
    envUrlUses(getNode(root, "env"), "env", baseScope, workflowFacts);
    uses.push(...workflowFacts.uses);
  }
  return { uses, deployJobs, ciJobs, references, images, problems };
}

/** Deploy jobs of one job: one per target environment (a matrix of environments gives several). */
function deployJobsOf(
  workflow: string,
  jobId: string,
  job: Node,
  keyNode: Node,
  scope: Scope,
  facts: StepFacts,
  triggers: readonly string[],
): DeployJob[] {
  const environmentNode = getNode(job, "environment");
  const environmentText = scalarText(isMap(environmentNode) ? getNode(environmentNode, "name") : environmentNode);
  const signal = facts.deploys[0];
  if (!environmentText && !signal) return [];
  const line = scope.lineOf(keyNode);
  const copied = [...triggers];
  // Literals rather than `{ ...base, ... }`: the same keys in the same order, without a spread.
  if (!environmentText) {
    return [
      {
        workflow,
        job: jobId,
        line,
        triggers: copied,
        environment: signal?.environment ?? null,
        evidence: signal?.evidence ?? "",
      },
    ];
  }
  const names = resolveExpressions(environmentText, scope)?.map((r) => r.value) ?? [null];
  return names.map((name) => ({
    workflow,
    job: jobId,
    line,
    triggers: copied,
    environment: name,
    evidence: redactText(`environment: ${name ?? environmentText}${signal ? `; ${signal.evidence}` : ""}`),
  }));
}
