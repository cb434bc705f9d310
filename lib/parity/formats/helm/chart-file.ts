import type { Node } from "yaml";
import type { ExtractContext, FormatFile, Problem } from "../../types";
import { getNode, parseYamlDocuments, scalarText, seqItems } from "../shared/yaml-nodes";
import { type ChartService, chartService } from "./charts";

export interface ChartDependency {
  name: string;
  /** Key of the subchart's values (`alias` when set, else `name`). */
  key: string;
  version: string | null;
  repository: string | null;
  /** Value paths that enable the subchart (`condition: postgresql.enabled`). */
  conditions: string[];
  line: number;
  service: ChartService | null;
}

/** `dependencies:` of a Chart.yaml (apiVersion v2) or requirements.yaml (v1). */
export function readDependencies(content: string): { dependencies: ChartDependency[]; problems: Problem[] } {
  const parsed = parseYamlDocuments(content);
  const dependencies: ChartDependency[] = [];
  for (const item of seqItems(getNode(parsed.roots[0], "dependencies"))) {
    const name = scalarText(getNode(item, "name"));
    if (!name) continue;
    const condition = scalarText(getNode(item, "condition"));
    dependencies.push({
      name,
      key: scalarText(getNode(item, "alias")) ?? name,
      version: scalarText(getNode(item, "version")) ?? null,
      repository: scalarText(getNode(item, "repository")) ?? null,
      // Without a `condition`, Helm always installs the subchart.
      conditions: condition
        ? condition
            .split(",")
            .map((c) => c.trim())
            .filter(Boolean)
        : [],
      line: parsed.lineOf(item as Node),
      service: chartService(name),
    });
  }
  return { dependencies, problems: parsed.problems };
}

/** The chart's dependencies, from Chart.yaml or (Helm 2 charts) requirements.yaml. */
export function chartDependencies(dir: string, ctx: ExtractContext, self?: FormatFile): ChartDependency[] {
  const prefix = dir ? `${dir}/` : "";
  const deps: ChartDependency[] = [];
  for (const name of ["Chart.yaml", "requirements.yaml"]) {
    const path = `${prefix}${name}`;
    const content = self?.path === path ? self.content : ctx.readFile(path);
    if (content !== undefined) deps.push(...readDependencies(content).dependencies);
  }
  return deps;
}

/** An exact chart version pins the subchart's default image; a range (`12.x`, `^12`) floats. */
export function isExactVersion(version: string | null): boolean {
  return version !== null && /^v?\d+\.\d+\.\d+([-+][\w.-]+)?$/.test(version.trim());
}
