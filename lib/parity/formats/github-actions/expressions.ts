import type { Node } from "yaml";
import { getNode, isMap, isSeq, mapEntries, scalarText, seqItems } from "../shared/yaml-nodes";

/** One matrix combination: key -> the node of its value (a scalar or a map for `include`). */
export type Combination = Map<string, Node>;

export interface Scope {
  /** Null when the job has no matrix; "unknown" when it is computed (`fromJSON(...)`). */
  combinations: Combination[] | null | "unknown";
  /** Literal `env:` values of workflow, job and step, the innermost last. */
  env: Map<string, string>;
  /** Defaults of `workflow_dispatch` / `workflow_call` inputs. */
  inputs: Map<string, string>;
  lineOf(node: Node | undefined): number;
}

export interface Resolved {
  value: string;
  /** Line of the matrix value it came from, when one did. */
  line?: number;
}

const EXPRESSION = /\$\{\{\s*([\s\S]*?)\s*\}\}/g;

/**
 * Expands `strategy.matrix` the way Actions does: the cross product of its lists, minus
 * `exclude`, plus `include` (extending the combinations it matches, else added alone).
 */
export function matrixCombinations(matrix: Node | undefined): Combination[] | null | "unknown" {
  if (matrix === undefined) return null;
  if (!isMap(matrix)) return "unknown";
  let combinations: Combination[] = [new Map()];
  const includes: Node[] = [];
  const excludes: Node[] = [];
  for (const entry of mapEntries(matrix)) {
    if (entry.key === "include") includes.push(...seqItems(entry.value));
    else if (entry.key === "exclude") excludes.push(...seqItems(entry.value));
    else if (isSeq(entry.value)) {
      const values = seqItems(entry.value);
      combinations = combinations.flatMap((c) => values.map((v) => extended(c, entry.key, v)));
    } else return "unknown";
  }
  if (combinations.length === 1 && combinations[0]?.size === 0) combinations = [];
  combinations = combinations.filter((c) => !excludes.some((e) => matches(c, e)));
  for (const include of includes) {
    const entries = mapEntries(include).filter((e): e is typeof e & { value: Node } => e.value !== undefined);
    const extended = combinations.filter((c) =>
      entries.every((e) => !c.has(e.key) || sameValue(c.get(e.key), e.value)),
    );
    if (extended.length > 0) {
      for (const c of extended) for (const e of entries) if (!c.has(e.key)) c.set(e.key, e.value);
    } else {
      combinations.push(new Map(entries.map((e) => [e.key, e.value])));
    }
  }
  return combinations;
}

/** `new Map(c).set(key, value)`, copied with forEach: the Map constructor's iterator protocol costs more. */
function extended(combination: Combination, key: string, value: Node): Combination {
  const copy: Combination = new Map();
  combination.forEach((node, name) => {
    copy.set(name, node);
  });
  return copy.set(key, value);
}

function matches(combination: Combination, pattern: Node): boolean {
  return mapEntries(pattern).every((e) => sameValue(combination.get(e.key), e.value));
}

function sameValue(a: Node | undefined, b: Node | undefined): boolean {
  return a !== undefined && b !== undefined && scalarText(a) === scalarText(b);
}

/** Every value a `${{ }}`-bearing string can take, or null when one part cannot be known. */
export function resolveExpressions(text: string, scope: Scope): Resolved[] | null {
  if (!text.includes("${{")) return [{ value: text }];
  const usesMatrix = /\bmatrix\./.test(text);
  if (usesMatrix && (scope.combinations === null || scope.combinations === "unknown")) return null;
  const combos: (Combination | undefined)[] = usesMatrix ? (scope.combinations as Combination[]) : [undefined];
  const results = new Map<string, Resolved>();
  for (const combo of combos) {
    let line: number | undefined;
    let failed = false;
    const value = text.replace(EXPRESSION, (_m, expr: string) => {
      const resolved = evaluate(expr, scope, combo);
      if (resolved === null) {
        failed = true;
        return "";
      }
      line ??= resolved.line;
      return resolved.value;
    });
    if (failed) return null;
    if (!results.has(value)) results.set(value, line === undefined ? { value } : { value, line });
  }
  return [...results.values()];
}

/** Supports `matrix.a.b`, `env.X`, `inputs.X`, literals and `a || 'default'`. */
function evaluate(expr: string, scope: Scope, combo: Combination | undefined): Resolved | null {
  for (const part of expr.split("||").map((p) => p.trim())) {
    const literal = /^'([^']*)'$|^(\d+(?:\.\d+)*)$/.exec(part);
    if (literal) return { value: literal[1] ?? literal[2] ?? "" };
    const [root, ...path] = part.split(".");
    if (root === "matrix" && combo) {
      let node: Node | undefined = combo.get(path[0] ?? "");
      for (const key of path.slice(1)) node = getNode(node, key);
      const text = scalarText(node);
      if (text !== undefined && text !== "") return { value: text, line: scope.lineOf(node) };
      continue;
    }
    if (root === "env" || root === "inputs" || root === "github") {
      const source = root === "env" ? scope.env : scope.inputs;
      const text = root === "github" ? undefined : source.get(path.join("."));
      if (text !== undefined && text !== "") return { value: text };
      continue;
    }
    return null;
  }
  return null;
}
