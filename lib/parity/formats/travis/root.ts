import type { ExtractResult, FormatFile } from "../../types";
import type { StepFacts } from "../github-actions/run-steps";
import { type ParsedYaml, parseYamlDocuments } from "../shared/yaml-nodes";

/**
 * What the YAML-defined CI systems beside GitHub Actions (Travis, Drone) share: where their file
 * is read from, how a template is told apart, and how one job's facts join the file's.
 */

/**
 * Where a CI system reads its file: the repository root, or the root of the project a template
 * generates (a top-level `{{cookiecutter.project_slug}}` folder). Returns that root's prefix
 * (`""` or `"{{cookiecutter.project_slug}}"`), or null for a file CI would not read.
 */
export function ciRoot(path: string): string | null {
  const slash = path.indexOf("/");
  if (slash < 0) return "";
  const folder = path.slice(0, slash);
  return path.indexOf("/", slash + 1) < 0 && /^\{\{\s*cookiecutter\.\w+\s*\}\}$/.test(folder) ? folder : null;
}

/** A Jinja statement tag (`{% if %}`, `{%- endif %}`): the file is a template, not YAML yet. */
export const JINJA_TAG = /\{%-?\s/;

/**
 * A CI file opened for reading: its root and parsed documents, or the result to return at once
 * (a file CI would not read, a project template not rendered yet, a YAML error).
 */
export function openCiFile(file: FormatFile): { root: string; parsed: ParsedYaml } | { early: ExtractResult } {
  const root = ciRoot(file.path);
  if (root === null) return { early: { uses: [], problems: [], unclaimed: true } };
  // A project template's tags (`{% if %}`) are not YAML: read once rendered, like compose does.
  if (JINJA_TAG.test(file.content)) {
    return { early: { uses: [], problems: [], reason: "a project template (Jinja tags): not read until rendered" } };
  }
  const parsed = parseYamlDocuments(file.content);
  if (parsed.problems.length > 0) return { early: { uses: [], problems: parsed.problems } };
  return { root, parsed };
}

/** What a CI file's jobs found, together. */
export type CiFileFacts = Required<Pick<ExtractResult, "uses" | "problems" | "references">>;

export function noCiFacts(): CiFileFacts {
  return { uses: [], problems: [], references: [] };
}

/** Adds one job's uses, problems and (once per path) references to the file's. */
export function addJobFacts(facts: StepFacts, into: CiFileFacts): void {
  into.uses.push(...facts.uses);
  into.problems.push(...facts.problems);
  for (const reference of facts.references) {
    if (!into.references.some((r) => r.path === reference.path)) into.references.push(reference);
  }
}
