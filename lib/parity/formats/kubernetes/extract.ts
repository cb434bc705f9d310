import { tagState } from "../../catalog";
import { redactText } from "../../redact";
import type { DeployedImage, Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { isDeleted, isKustomizationPath, overlayRenderers } from "../kustomize/graph";
import { applyOverrides } from "../kustomize/images";
import { type ContainerImage, imageUses, readManifests } from "../shared/kubernetes-manifests";
import { isApplicationImage, repositoryNames } from "../shared/own-image";
import { deployEnvironment, environmentFromPath } from "../shared/path-environment";

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

const EMPTY: ExtractResult = { uses: [], problems: [] };

/**
 * Kubernetes manifests, recognised by content (`apiVersion` and `kind`) in the YAML of paths
 * that suggest deployment (see index.ts): YAML that is not Kubernetes (compose files, Ansible,
 * Helm values, CI configs) gives an empty result, and so do Helm templates (rendered by helm,
 * not YAML: they are the chart's business, never a parse error).
 */
export function extractKubernetes(file: FormatFile, ctx: ExtractContext): ExtractResult {
  // Cheap pre-check before any parsing: every manifest names its apiVersion and kind.
  if (!file.content.includes("apiVersion") || !file.content.includes("kind")) return EMPTY;
  if (isKustomizationPath(file.path)) return EMPTY;
  if (isHelmTemplate(file)) return EMPTY;
  const facts = readManifests(file.content);
  if (!facts.isKubernetes) {
    const report = looksLikeManifest(file.content) && !file.content.includes("{{");
    return { uses: [], problems: report ? facts.problems : [] };
  }
  // The folder a manifest sits in names its environment; a manifest anywhere else is deployed
  // as it is (`release/kubernetes-manifests.yaml`, `k8s-specifications/`): prod. Set on the
  // file, not on each use, so a file that starts it (skaffold, Tilt) can place it in dev too.
  const environment = environmentFromPath(file.path) ?? deployEnvironment(file.path);
  const renderers = overlayRenderers(file.path, ctx);
  // A base that kustomize overlays render is reported in each overlay's environment: the
  // images no kustomization changes at their own line, the rest by the overlays.
  const uses =
    renderers.length > 0
      ? renderedUses(facts.images, facts.urlUses, renderers)
      : [...imageUses(facts.images), ...facts.urlUses];
  const names = repositoryNames(ctx.repository);
  const runsApp = facts.images.some((image) => isApplicationImage(image.image, names));
  return {
    uses,
    images: deployedImages(facts.images, renderers, names),
    envKeys: facts.envKeys,
    literals: facts.literals,
    environment,
    ...(runsApp ? { runsApp: true } : {}),
    problems: facts.problems,
  };
}

/**
 * The containers' images as written. A base that kustomize overlays render keeps, in each
 * overlay's environment, only the images no overlay rewrites (an overlay's `newTag` is what runs).
 */
function deployedImages(
  images: readonly ContainerImage[],
  renderers: ReturnType<typeof overlayRenderers>,
  names: readonly string[],
): DeployedImage[] {
  if (renderers.length === 0) return images.map((image) => imageFact(image, names));
  const out: DeployedImage[] = [];
  for (const renderer of renderers) {
    const environment = environmentFromPath(renderer.overlay) ?? deployEnvironment(renderer.overlay);
    for (const image of images) {
      if (isDeleted(image.workload, image.kind, renderer.deletes)) continue;
      if (renderer.overrides.some((overrides) => applyOverrides(image.image, overrides).matched)) continue;
      out.push(imageFact(image, names, environment));
    }
  }
  return out;
}

/**
 * A module function and a property set afterwards (same keys, same order) rather than an arrow
 * per call spreading `environment ? { environment } : {}`: both showed in the bench's profile
 * (tsx names each arrow with Object.defineProperty; the spread takes V8's slow cloning path).
 */
function imageFact(image: ContainerImage, names: readonly string[], environment?: Environment): DeployedImage {
  const fact: DeployedImage = {
    ref: redactText(image.image),
    line: image.line,
    tag: tagState(image.image),
    own: isApplicationImage(image.image, names),
    name: image.workload,
  };
  if (environment) fact.environment = environment;
  return fact;
}

function renderedUses(
  images: readonly ContainerImage[],
  urlUses: readonly ExtractedUse[],
  renderers: ReturnType<typeof overlayRenderers>,
): ExtractedUse[] {
  const uses: ExtractedUse[] = [];
  const seen = new Set<string>();
  for (const renderer of renderers) {
    const environment: Environment = environmentFromPath(renderer.overlay) ?? deployEnvironment(renderer.overlay);
    const untouched = images.filter((image) => {
      if (isDeleted(image.workload, image.kind, renderer.deletes)) return false;
      return renderer.overrides.every((overrides) => !applyOverrides(image.image, overrides).matched);
    });
    const deletedNames = new Set(
      images.filter((i) => isDeleted(i.workload, i.kind, renderer.deletes)).map((i) => i.workload),
    );
    const own = [...imageUses(untouched), ...urlUses.filter((use) => !deletedNames.has(use.name ?? ""))];
    for (const use of own) {
      const key = `${environment}\u0000${use.line}\u0000${use.engine}`;
      if (seen.has(key)) continue;
      seen.add(key);
      uses.push({ ...use, environment });
    }
  }
  return uses;
}
