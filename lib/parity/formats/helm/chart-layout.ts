import type { Environment, ExtractContext } from "../../types";
import { environmentFromPath } from "../shared/path-environment";
import { pathIndex } from "../shared/path-index";
import { dirname } from "../shared/paths";

/** `values.yaml`, `values-prod.yaml`, `values.staging.yml`... */
export const VALUES_FILE = /^values([-._][^/]*)?\.ya?ml$/;

export function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * Runs on the snapshot's paths ending in `l` (`.yaml`, `.yml`, hence the `"l"` hint to the path
 * index): the extension test spares the regex (and a slice) the `.html` and `.sql` among them.
 */
function isValuesPath(path: string): boolean {
  return (path.endsWith(".yaml") || path.endsWith(".yml")) && VALUES_FILE.test(basename(path));
}

export function isBaseValues(path: string): boolean {
  return /^values\.ya?ml$/.test(basename(path));
}

/**
 * The environment a values file configures: its name says (`values-staging.yaml`), and
 * `values.yaml` is the chart's production baseline. Unknown names (`values-eu.yaml`) say nothing.
 */
export function valuesEnvironment(path: string): Environment | undefined {
  const name = basename(path);
  if (isBaseValues(path)) return "prod";
  const named = environmentFromPath(name);
  if (named) return named;
  const words = name.toLowerCase().split(/[-._]+/);
  if (words.some((w) => w === "dev" || w === "development" || w === "local")) return "dev";
  if (words.includes("test")) return "test";
  if (words.includes("ci")) return "ci";
  return undefined;
}

export interface ChartLayout {
  dir: string;
  /** `values.yaml` of the chart, when present. */
  base: string | undefined;
  /** Environment-specific values files, by environment. */
  byEnvironment: Map<Environment, string[]>;
  /** Environments the chart is deployed to: prod always, plus each values file's. */
  environments: Environment[];
}

export function chartLayout(anyFileInChart: string, ctx: ExtractContext): ChartLayout {
  const dir = dirname(anyFileInChart);
  const siblings = pathIndex(ctx.paths).selectByDirectory("helm:values-files", isValuesPath, "l").get(dir) ?? [];
  const base = siblings.find(isBaseValues);
  const byEnvironment = new Map<Environment, string[]>();
  for (const path of siblings) {
    if (path === base) continue;
    const environment = valuesEnvironment(path);
    if (!environment) continue;
    byEnvironment.set(environment, [...(byEnvironment.get(environment) ?? []), path]);
  }
  const environments = [...new Set<Environment>(["prod", ...byEnvironment.keys()])];
  return { dir, base, byEnvironment, environments };
}
