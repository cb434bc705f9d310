import { globMatcher } from "../../glob";
import type { Environment, ExtractContext } from "../../types";
import { KUSTOMIZATION_NAMES, parseKustomization, renderedFiles } from "../kustomize/graph";
import { pathIndex } from "../shared/path-index";
import { joinPath } from "../shared/paths";

/*
 * What a dev loop (skaffold, Tilt) deploys, as the files to reference: the engine copies each
 * referenced file's uses into the loop's environment (docs/parity-model.md, references), so the
 * Redis a `skaffold dev` deploys is dev's Redis.
 */

export type Reference = { path: string; environment: Environment; line: number };

/** Files matching a manifest path or glob (`k8s/*.yaml`, `./kubernetes-manifests/app.yaml`). */
export function manifestFiles(dir: string, pattern: string, ctx: ExtractContext): string[] {
  const target = joinPath(dir, pattern);
  if (target === null || target === "") return [];
  if (!/[*?[{]/.test(target)) return pathIndex(ctx.paths).has(target) ? [target] : [];
  const matches = globMatcher([target]);
  // Each glob tests the snapshot's YAML files (one path index selection), not all its paths.
  return yamlPaths(ctx).filter((path) => matches(path));
}

function isYaml(path: string): boolean {
  return path.endsWith(".yaml") || path.endsWith(".yml");
}

/** The snapshot's `.yaml` and `.yml` paths, in snapshot order (both end in `l`). */
function yamlPaths(ctx: ExtractContext): readonly string[] {
  return pathIndex(ctx.paths).select("skaffold:yaml", isYaml, "l");
}

/** A kustomization directory: its kustomization file and every manifest it renders. */
export function kustomizeFiles(dir: string, relative: string, ctx: ExtractContext): string[] {
  const target = joinPath(dir, relative);
  if (target === null) return [];
  const index = pathIndex(ctx.paths);
  const file = KUSTOMIZATION_NAMES.map((name) => (target ? `${target}/${name}` : name)).find((p) => index.has(p));
  const content = file === undefined ? undefined : ctx.readFile(file);
  if (file === undefined || content === undefined) return [];
  const { kustomization } = parseKustomization(file, content, ctx);
  return [file, ...renderedFiles(kustomization, ctx, file).map((rendered) => rendered.path)];
}

/** A chart directory: its Chart.yaml and values.yaml, plus the values files the release adds. */
export function chartFiles(dir: string, chartPath: string, valuesFiles: readonly string[], ctx: ExtractContext) {
  const chart = joinPath(dir, chartPath);
  if (chart === null) return [];
  const index = pathIndex(ctx.paths);
  const prefix = chart ? `${chart}/` : "";
  const own = [`${prefix}Chart.yaml`, `${prefix}values.yaml`, `${prefix}values.yml`].filter((p) => index.has(p));
  const extra = valuesFiles.flatMap((values) => manifestFiles(dir, values, ctx));
  return [...own, ...extra];
}

/** Deduplicated references, in the order found. */
export function toReferences(files: readonly { path: string; line: number }[], environment: Environment) {
  const seen = new Set<string>();
  const out: Reference[] = [];
  for (const file of files) {
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    out.push({ path: file.path, environment, line: file.line });
  }
  return out;
}
