import type { ExtractContext, ExtractResult, FormatFile } from "../../types";
import { isKustomizationPath, isRenderedByOverlay } from "../kustomize/graph";
import { imageUses, readManifests } from "./manifests";
import { environmentFromPath } from "./path-environment";

/** Helm templates are Go templates, not YAML: `{{ .Values.x }}` does not parse. */
function isHelmTemplate(file: FormatFile): boolean {
  if (!file.content.includes("{{")) return false;
  return (
    /(^|\/)templates\//.test(file.path) ||
    /\{\{-?\s*(\.Values|\.Release|\.Chart|include\s|template\s)/.test(file.content)
  );
}

/** A file that says it is a manifest, used to decide whether a parse error is ours to report. */
function looksLikeManifest(content: string): boolean {
  return /^apiVersion\s*:/m.test(content) && /^kind\s*:/m.test(content);
}

/**
 * Kubernetes manifests in the usual deploy folders. The folder globs also catch YAML that is not
 * Kubernetes (compose files, Ansible, Helm values): those give an empty result.
 */
export function extractKubernetes(file: FormatFile, ctx: ExtractContext): ExtractResult {
  if (isKustomizationPath(file.path)) return { uses: [], problems: [] };
  if (isHelmTemplate(file)) {
    return {
      uses: [],
      problems: [{ type: "skipped", line: 1, message: "Helm template: rendered by helm, not read as plain YAML" }],
    };
  }
  const facts = readManifests(file.content);
  if (!facts.isKubernetes) {
    return { uses: [], problems: looksLikeManifest(file.content) ? facts.problems : [] };
  }
  const environment = environmentFromPath(file.path);
  const withEnv = environment ? { environment } : {};
  // A base that kustomize overlays render is reported by the overlays, with their overrides.
  const uses = isRenderedByOverlay(file.path, ctx) ? [] : [...imageUses(facts.images), ...facts.urlUses];
  // Without an environment from the path (most manifests) the facts are returned as they are:
  // copying each object only to add nothing cost more than reading them.
  if (!environment) return { uses, envKeys: facts.envKeys, literals: facts.literals, problems: facts.problems };
  return {
    uses: uses.map((use) => ({ ...use, ...withEnv })),
    envKeys: facts.envKeys.map((key) => ({ ...key, ...withEnv })),
    literals: facts.literals.map((literal) => ({ ...literal, ...withEnv })),
    ...withEnv,
    problems: facts.problems,
  };
}
