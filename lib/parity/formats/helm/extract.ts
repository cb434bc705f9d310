import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { isApplicationImage, repositoryNames } from "../shared/own-image";
import { pathIndex } from "../shared/path-index";
import { dirname } from "../shared/paths";
import { type ChartDependency, chartDependencies, isExactVersion, readDependencies } from "./chart-file";
import { basename, chartLayout, isBaseValues, VALUES_FILE, valuesEnvironment } from "./chart-layout";
import { hasVersionInfo, mergeSites, siteUse } from "./site-use";
import { readFlag, readValues, type ValuesTree } from "./values-tree";

/*
 * Helm merges `values.yaml` (the chart's baseline) with one environment file
 * (`values-staging.yaml`, `values-production.yaml`). Every (environment, image) pair is reported
 * once, by the file that decides it: the environment file when it sets the image, else
 * `values.yaml` (tagged with that environment), else Chart.yaml for a subchart whose version
 * only the chart knows (version null: a chart version is not the app version).
 */

export function extractHelm(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const name = basename(file.path);
  if (name === "Chart.yaml" || name === "requirements.yaml") return extractChart(file, ctx);
  if (VALUES_FILE.test(name)) return extractValues(file, ctx);
  return { uses: [], problems: [] };
}

function hasChart(dir: string, ctx: ExtractContext): boolean {
  return pathIndex(ctx.paths).has(dir ? `${dir}/Chart.yaml` : "Chart.yaml");
}

interface Loaded {
  base: ValuesTree | undefined;
  byEnvironment: Map<Environment, ValuesTree[]>;
  environments: Environment[];
}

function loadChartValues(anyFile: string, ctx: ExtractContext, self?: { path: string; tree: ValuesTree }): Loaded {
  const layout = chartLayout(anyFile, ctx);
  const load = (path: string): ValuesTree | undefined => {
    if (self?.path === path) return self.tree;
    const content = ctx.readFile(path);
    return content === undefined ? undefined : readValues(content);
  };
  const byEnvironment = new Map<Environment, ValuesTree[]>();
  for (const [environment, paths] of layout.byEnvironment) {
    byEnvironment.set(
      environment,
      paths.map(load).filter((t): t is ValuesTree => t !== undefined),
    );
  }
  return { base: layout.base ? load(layout.base) : undefined, byEnvironment, environments: layout.environments };
}

function enabledIn(trees: readonly (ValuesTree | undefined)[], conditions: readonly string[]): boolean {
  for (const tree of trees) {
    const flag = readFlag(tree?.root, conditions);
    if (flag !== undefined) return flag;
  }
  return true;
}

function extractChart(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const { dependencies, problems } = readDependencies(file.content);
  if (problems.length > 0) return { uses: [], problems };
  const dir = dirname(file.path);
  if (basename(file.path) === "requirements.yaml" && !hasChart(dir, ctx)) return { uses: [], problems: [] };
  const values = loadChartValues(file.path, ctx);
  const uses: ExtractedUse[] = [];
  for (const dependency of dependencies) {
    const service = dependency.service;
    if (!service) continue;
    for (const environment of values.environments) {
      const envTrees = values.byEnvironment.get(environment) ?? [];
      if (!enabledIn([...envTrees, values.base], dependency.conditions)) continue;
      const sitePath = `${dependency.key}.image`;
      if ([...envTrees, values.base].some((tree) => hasVersionInfo(tree?.sites.get(sitePath)))) continue;
      uses.push({
        kind: service.kind,
        engine: service.engine,
        version: null,
        pinned: isExactVersion(dependency.version),
        line: dependency.line,
        raw: `dependency: ${dependency.name} ${dependency.version ?? ""}`.trim(),
        via: "dependency",
        environment,
        name: dependency.key,
        ...(service.emulator ? { emulator: service.emulator } : {}),
      });
    }
  }
  return { uses, problems: [] };
}

/** Values files outside a chart count when their folder says Helm (`deploy/helm/values-prod.yaml`). */
function isHelmValues(path: string, ctx: ExtractContext): boolean {
  if (hasChart(dirname(path), ctx)) return true;
  return path
    .split("/")
    .slice(0, -1)
    .some((segment) => /^(helm|charts?|helm-?charts?)$/i.test(segment));
}

function extractValues(file: FormatFile, ctx: ExtractContext): ExtractResult {
  if (!isHelmValues(file.path, ctx)) return { uses: [], problems: [] };
  const tree = readValues(file.content);
  if (tree.problems.length > 0) return { uses: [], problems: tree.problems };
  const values = loadChartValues(file.path, ctx, { path: file.path, tree });
  const dependencies = chartDependencies(dirname(file.path), ctx);
  const isBase = isBaseValues(file.path);
  const ownEnvironment = valuesEnvironment(file.path);
  const targets: (Environment | undefined)[] = isBase ? values.environments : [ownEnvironment];
  const uses: ExtractedUse[] = [];
  for (const environment of targets) {
    const envTrees = isBase ? (environment ? (values.byEnvironment.get(environment) ?? []) : []) : [tree];
    const base = isBase ? tree : values.base;
    for (const site of tree.sites.values()) {
      // The environment's own file decides its images; the baseline fills in the rest.
      if (
        isBase &&
        envTrees.some((t) => hasVersionInfo(t.sites.get(site.path)) || t.sites.get(site.path)?.repository)
      ) {
        continue;
      }
      const dependency = subchartOf(site.path, dependencies);
      const trees = [...envTrees, base];
      if (dependency ? !enabledIn(trees, dependency.conditions) : !siteEnabled(site.path, trees)) continue;
      const merged = isBase ? site : mergeSites(site, base?.sites.get(site.path));
      if (dependency && !hasVersionInfo(merged)) continue;
      const use = siteUse(merged, dependency);
      if (use) uses.push(environment ? { ...use, environment } : use);
    }
  }
  const literalEnvironment = ownEnvironment ? { environment: ownEnvironment } : {};
  return {
    uses,
    ...(runsApplication([tree, values.base], ctx) ? { runsApp: true } : {}),
    literals: tree.literals.map((literal) => ({ ...literal, ...literalEnvironment })),
    ...literalEnvironment,
    problems: [],
  };
}

/**
 * Whether the chart, as this values file configures it (with the baseline's images), runs the
 * application's own image rather than only other products' (a chart of Keycloak kept beside it).
 */
function runsApplication(trees: readonly (ValuesTree | undefined)[], ctx: ExtractContext): boolean {
  const names = repositoryNames(ctx.repository);
  if (names.length === 0) return false;
  for (const tree of trees) {
    for (const site of tree?.sites.values() ?? []) {
      const ref = site.ref?.value ?? [site.registry?.value, site.repository?.value].filter(Boolean).join("/");
      if (ref !== "" && isApplicationImage(ref, names)) return true;
    }
  }
  return false;
}

/**
 * An in-chart service's switch: `postgresql.enabled: false` or `postgresql.create: false` (charts
 * that ship an in-cluster database for trials and expect a managed one in production), at any
 * level above the image (`dependencies.postgresql.create`). Each switch is decided by the most
 * specific values file that sets it.
 */
function siteEnabled(sitePath: string, trees: readonly (ValuesTree | undefined)[]): boolean {
  const all = sitePath.split(".");
  const parts = all[all.length - 1] === "image" ? all.slice(0, -1) : all;
  for (let end = 1; end <= parts.length; end++) {
    const prefix = parts.slice(0, end).join(".");
    if (!enabledIn(trees, [`${prefix}.enabled`, `${prefix}.create`])) return false;
  }
  return true;
}

function subchartOf(sitePath: string, dependencies: readonly ChartDependency[]): ChartDependency | undefined {
  return dependencies.find((d) => sitePath === `${d.key}.image`);
}
