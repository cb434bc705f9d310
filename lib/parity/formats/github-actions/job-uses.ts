import type { Node } from "yaml";
import { normalizeVersion, resolveImage, resolveUrlScheme, tagState } from "../../catalog";
import { redactText, redactUrl } from "../../redact";
import type { DeployedImage, ExtractContext, ExtractedUse, Problem } from "../../types";
import { joinPath } from "../shared/paths";
import { getNode, isMap, mapEntries, scalarText } from "../shared/yaml-nodes";
import { resolveExpressions, type Scope } from "./expressions";
import { setupActionOf } from "./setup-actions";
import { nodeSpec, versionFromFile } from "./version-files";

/** What one job says, before deciding whether it is a deploy job. */
export interface JobFacts {
  uses: ExtractedUse[];
  problems: Problem[];
  /** The images of the job's `services:` and `container:` as CI pulls them (own: set by the caller). */
  images?: DeployedImage[];
}

/** Uses of an image field whose value may hold `${{ }}` expressions (one use per value). */
export function imageFieldUses(node: Node | undefined, name: string, scope: Scope, facts: JobFacts): void {
  const text = scalarText(node);
  if (text) imageTextUses(text, scope.lineOf(node), name, scope, facts, true);
}

/**
 * Uses of an image reference written at `line`; unresolvable expressions are stated skips.
 * `pulled`: the job pulls it as written (a service or container, not a `docker run` of what an
 * earlier step may have built), so it is also recorded in `facts.images`.
 */
export function imageTextUses(
  text: string,
  line: number,
  name: string,
  scope: Scope,
  facts: JobFacts,
  pulled = false,
): void {
  let values = resolveExpressions(text, scope);
  if (!values) {
    // An expression CI resolves at run time (`postgres:${{ needs.v.outputs.tag }}`): the
    // repository still names the engine when the expression is only in the tag; else silence.
    const repository = /^[^$:@]+(?=[:@]\$\{\{)/.exec(text)?.[0];
    if (!repository) return;
    const service = resolveImage(repository);
    if (!service || service.kind === "runtime") return;
    facts.uses.push({
      kind: service.kind,
      engine: service.engine,
      version: null,
      pinned: null,
      line,
      raw: `image: ${redactText(text)}`,
      via: "image",
      environment: "ci",
      name,
    });
    values = [];
  }
  for (const resolved of values) {
    if (pulled)
      facts.images?.push({
        ref: redactText(resolved.value),
        line: resolved.line ?? line,
        tag: tagState(resolved.value),
        own: false,
        name,
        environment: "ci",
      });
    const service = resolveImage(resolved.value);
    if (!service) continue;
    facts.uses.push({
      kind: service.kind,
      engine: service.engine,
      version: service.version,
      pinned: service.pinned,
      line: resolved.line ?? line,
      raw: `image: ${redactText(resolved.value)}`,
      via: "image",
      environment: "ci",
      name,
      ...(service.emulator ? { emulator: service.emulator } : {}),
    });
  }
}

/** `services:` and `container:` of a job. */
export function containerUses(job: Node | undefined, jobId: string, scope: Scope, facts: JobFacts): void {
  for (const entry of mapEntries(getNode(job, "services"))) {
    imageFieldUses(getNode(entry.value, "image") ?? entry.value, `${jobId}/${entry.key}`, scope, facts);
  }
  const container = getNode(job, "container");
  imageFieldUses(isMap(container) ? getNode(container, "image") : container, jobId, scope, facts);
}

/** A runtime setup step: `with: node-version` (matrix-aware) or `*-version-file` read via ctx. */
export function setupStepUses(step: Node, jobId: string, scope: Scope, ctx: ExtractContext, facts: JobFacts): void {
  const action = setupActionOf(scalarText(getNode(step, "uses")) ?? "");
  if (!action) return;
  const inputs = getNode(step, "with");
  const versionNode = getNode(inputs, action.versionInput);
  const versionText = scalarText(versionNode);
  if (versionText && versionText !== "default") {
    const values = resolveExpressions(versionText, scope);
    // A version CI computes at run time cannot be known here: nothing is claimed, silently.
    if (!values) return;
    // setup-* inputs accept several versions, one per line: each is installed.
    for (const resolved of values) {
      for (const spec of resolved.value
        .split(/[\n,]+/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        facts.uses.push(
          runtimeUse(
            action.engine,
            spec,
            resolved.line ?? scope.lineOf(versionNode),
            `${action.versionInput}: ${spec}`,
            "action",
            jobId,
          ),
        );
      }
    }
    return;
  }
  const fileNode = action.fileInput ? getNode(inputs, action.fileInput) : undefined;
  const fileText = scalarText(fileNode);
  const candidates = fileText
    ? [fileText]
    : versionText === "default" || !versionText
      ? (action.defaultFiles ?? [])
      : [];
  for (const candidate of candidates) {
    const path = joinPath("", candidate);
    const content = path ? ctx.readFile(path) : undefined;
    const line = scope.lineOf(fileNode ?? getNode(step, "uses"));
    if (content === undefined) {
      if (fileText)
        facts.problems.push({
          type: "skipped",
          line,
          message: `${action.fileInput} ${fileText} is not in the repository`,
        });
      continue;
    }
    const spec = versionFromFile(action.engine, candidate, content);
    const label = fileText
      ? `${action.fileInput}: ${fileText}`
      : `${candidate} (read by ${scalarText(getNode(step, "uses"))})`;
    facts.uses.push(runtimeUse(action.engine, spec, line, spec ? `${label} (${spec})` : label, "version-file", jobId));
    return;
  }
}

function runtimeUse(
  engine: string,
  spec: string | null,
  line: number,
  raw: string,
  via: "action" | "version-file",
  name: string,
): ExtractedUse {
  const cleaned = spec === null ? null : engine === "node" ? nodeSpec(spec) : spec;
  return {
    kind: "runtime",
    engine,
    version: cleaned === null ? null : normalizeVersion(engine, cleaned),
    pinned: null,
    line,
    raw,
    via,
    environment: "ci",
    name,
  };
}

/** Connection URLs in `env:` (a CI `DATABASE_URL: sqlite://...` says which engine tests use). */
export function envUrlUses(envNode: Node | undefined, name: string, scope: Scope, facts: JobFacts): void {
  for (const entry of mapEntries(envNode)) {
    const value = scalarText(entry.value);
    if (!value || !/^(jdbc:)?[a-z][a-z0-9+.-]*:\//i.test(value.trim())) continue;
    const service = resolveUrlScheme(value);
    if (!service) continue;
    facts.uses.push({
      kind: service.kind,
      engine: service.engine,
      version: null,
      pinned: null,
      line: scope.lineOf(entry.value),
      raw: `${entry.key}: ${redactUrl(value)}`,
      via: "url",
      environment: "ci",
      name,
    });
  }
}
