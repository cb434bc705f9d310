import type { Node } from "yaml";
import type { Environment, ExtractContext, ExtractResult, FormatFile } from "../../types";
import { deployEnvironment } from "../shared/path-environment";
import { dirname } from "../shared/paths";
import { getNode, getPath, parseYamlDocuments, scalarText, seqItems } from "../shared/yaml-nodes";
import { chartFiles, kustomizeFiles, manifestFiles, type Reference, toReferences } from "./targets";

type Found = { path: string; line: number };

/**
 * skaffold.yaml: `skaffold dev` / `skaffold run` build the images and deploy the manifests,
 * kustomizations and Helm charts of the default pipeline, so those files' services are dev's
 * (a Redis the manifests run is the developer's Redis). Returned as `references` in dev; the
 * files keep their own environment too. Profiles are not the default: a profile named for dev
 * (`dev`, `local`) counts as dev, others (`prod`, `staging`, `gcb`) are not followed.
 */
export function extractSkaffold(file: FormatFile, ctx: ExtractContext): ExtractResult {
  if (!file.content.includes("skaffold/")) return { uses: [], problems: [] };
  const parsed = parseYamlDocuments(file.content);
  const dir = dirname(file.path);
  const found: Found[] = [];
  const builtImages: string[] = [];
  for (const root of parsed.roots) {
    if (!scalarText(getNode(root, "apiVersion"))?.startsWith("skaffold/")) continue;
    pipelineFiles(root, dir, ctx, parsed.lineOf, found);
    builtImages.push(...artifactImages(root));
    for (const profile of seqItems(getNode(root, "profiles"))) {
      builtImages.push(...artifactImages(profile));
      const name = scalarText(getNode(profile, "name")) ?? "";
      if (deployEnvironment(name) !== "dev") continue;
      pipelineFiles(profile, dir, ctx, parsed.lineOf, found);
    }
  }
  const environment: Environment = "dev";
  const references: Reference[] = toReferences(found, environment);
  return {
    uses: [],
    references,
    ...(builtImages.length > 0 ? { builtImages } : {}),
    providesDevEnvironment: references.length > 0,
    problems: parsed.problems,
  };
}

/** `build.artifacts[].image`: skaffold builds these and rewrites the manifests' references to them. */
function artifactImages(root: Node): string[] {
  return seqItems(getPath(root, ["build", "artifacts"])).flatMap((artifact) => {
    const image = scalarText(getNode(artifact, "image"));
    return image ? [image] : [];
  });
}

function strings(node: Node | undefined, lineOf: (n: Node | undefined) => number) {
  const items = seqItems(node);
  const list = items.length > 0 ? items : node ? [node] : [];
  return list.flatMap((item) => {
    const text = scalarText(item);
    return text ? [{ text, line: lineOf(item) }] : [];
  });
}

/** The files one pipeline (a config or a profile) deploys: v2 `deploy:` and v3 `manifests:`. */
function pipelineFiles(
  root: Node,
  dir: string,
  ctx: ExtractContext,
  lineOf: (n: Node | undefined) => number,
  out: Found[],
): void {
  const raw = [
    ...strings(getPath(root, ["manifests", "rawYaml"]), lineOf),
    ...strings(getPath(root, ["deploy", "kubectl", "manifests"]), lineOf),
  ];
  for (const entry of raw) {
    for (const path of manifestFiles(dir, entry.text, ctx)) out.push({ path, line: entry.line });
  }
  const kustomize = [
    ...strings(getPath(root, ["manifests", "kustomize", "paths"]), lineOf),
    ...strings(getPath(root, ["deploy", "kustomize", "paths"]), lineOf),
    ...strings(getPath(root, ["deploy", "kustomize", "path"]), lineOf),
  ];
  for (const entry of kustomize) {
    for (const path of kustomizeFiles(dir, entry.text, ctx)) out.push({ path, line: entry.line });
  }
  const releases = [
    ...seqItems(getPath(root, ["manifests", "helm", "releases"])),
    ...seqItems(getPath(root, ["deploy", "helm", "releases"])),
  ];
  for (const release of releases) {
    const chart = scalarText(getNode(release, "chartPath"));
    if (!chart) continue;
    const values = strings(getNode(release, "valuesFiles"), lineOf).map((v) => v.text);
    const line = lineOf(getNode(release, "chartPath"));
    for (const path of chartFiles(dir, chart, values, ctx)) out.push({ path, line });
  }
}
