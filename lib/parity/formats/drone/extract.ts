import type { Node } from "yaml";
import { resolveImage } from "../../catalog";
import { redactText } from "../../redact";
import type { CiJob, ExtractContext, ExtractResult, FormatFile } from "../../types";
import type { Scope } from "../github-actions/expressions";
import { envUrlUses } from "../github-actions/job-uses";
import { readCommands, type StepFacts } from "../github-actions/run-steps";
import { type ShellCommand, scriptCommands } from "../github-actions/shell";
import { getNode, isMap, mapEntries, scalarText, seqItems } from "../shared/yaml-nodes";
import { addJobFacts, noCiFacts, openCiFile } from "../travis/root";

/**
 * A `.drone.yml` (https://docs.drone.io/pipeline/docker/syntax/): one pipeline per YAML document
 * (`kind: pipeline`). A pipeline is one CI job: its steps run in order in one workspace, and its
 * `services:` containers (and detached steps) run beside all of them, so they are what its tests
 * can reach. Step commands are read like a GitHub Actions `run:` step; `environment:` values that
 * are connection URLs are recorded like a workflow's `env:` (a URL that nothing starts).
 */
export function extractDrone(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const opened = openCiFile(file);
  if ("early" in opened) return opened.early;
  const { root, parsed } = opened;
  const lineOf = parsed.lineOf;
  const found = noCiFacts();
  const ciJobs: CiJob[] = [];
  parsed.roots.forEach((pipeline, index) => {
    if (!isMap(pipeline) || (scalarText(getNode(pipeline, "kind")) ?? "pipeline") !== "pipeline") return;
    const name = scalarText(getNode(pipeline, "name")) ?? `pipeline ${index + 1}`;
    const pipelineEnv = getNode(pipeline, "environment");
    const facts: StepFacts = { uses: [], problems: [], references: [], deploys: [], tests: [] };
    const base: Scope = { combinations: null, env: literalEnv(pipelineEnv), inputs: new Map(), lineOf };
    for (const service of seqItems(getNode(pipeline, "services"))) {
      imageUse(service, `${name}/${scalarText(getNode(service, "name")) ?? "service"}`, lineOf, facts, false);
    }
    envUrlUses(pipelineEnv, name, base, facts);
    for (const step of seqItems(getNode(pipeline, "steps"))) {
      if (!isMap(step)) continue;
      const stepName = `${name}/${scalarText(getNode(step, "name")) ?? "step"}`;
      const stepEnv = getNode(step, "environment");
      const scope: Scope = { ...base, env: new Map([...base.env, ...literalEnv(stepEnv)]) };
      // A detached step is a service that keeps running; an attached step's image is its toolchain.
      imageUse(step, stepName, lineOf, facts, getNode(step, "detach") === undefined);
      envUrlUses(stepEnv, name, scope, facts);
      readCommands(commandsOf(getNode(step, "commands"), lineOf), name, root, scope, ctx, facts);
    }
    addJobFacts(facts, found);
    ciJobs.push({
      workflow: file.path,
      job: name,
      line: lineOf(getNode(pipeline, "name") ?? pipeline),
      tests: facts.tests[0] ?? null,
      starts: facts.references.map((reference) => reference.path),
    });
  });
  return { ...found, ciJobs, environment: "ci", reason: "a Drone CI pipeline" };
}

/** `environment:` literal values (`from_secret:` maps are not literals). */
function literalEnv(node: Node | undefined): Map<string, string> {
  const env = new Map<string, string>();
  for (const { key, value } of mapEntries(node)) {
    const text = scalarText(value);
    if (text !== undefined) env.set(key, text);
  }
  return env;
}

function commandsOf(node: Node | undefined, lineOf: (n: Node | undefined) => number): ShellCommand[] {
  return seqItems(node).flatMap((item) => {
    const text = scalarText(item);
    if (text === undefined) return [];
    const line = lineOf(item);
    return scriptCommands(text).map((command) => ({ words: command.words, line }));
  });
}

/**
 * A service's or step's image: a backing service (PostgreSQL in `services:` or a detached step)
 * is started for the pipeline; a step's language image (`golang:1.22`) is a CI runtime.
 */
function imageUse(
  node: Node,
  name: string,
  lineOf: (n: Node | undefined) => number,
  facts: StepFacts,
  runtimeOnly: boolean,
): void {
  const imageNode = getNode(node, "image");
  const image = scalarText(imageNode);
  if (!image) return;
  const service = resolveImage(image);
  if (!service || (runtimeOnly && service.kind !== "runtime")) return;
  facts.uses.push({
    ...service,
    line: lineOf(imageNode),
    raw: redactText(`image: ${image}`),
    via: "image",
    environment: "ci",
    name: service.kind === "runtime" ? name : name.slice(0, name.indexOf("/")),
  });
}
