import type { Node } from "yaml";
import { getNode, isMap, isSeq, mapEntries, scalarText, seqItems } from "../shared/yaml-nodes";
import type { Scope } from "./expressions";

/** Literal `env:` values (expressions are kept as written and resolved on use). */
export function literalEnv(node: Node | undefined, inherited?: Map<string, string>): Map<string, string> {
  const env = new Map(inherited ?? []);
  for (const entry of mapEntries(node)) {
    const value = scalarText(entry.value);
    if (value !== undefined && !value.includes("${{")) env.set(entry.key, value);
  }
  return env;
}

export function withEnv(scope: Scope, node: Node | undefined): Scope {
  return node === undefined ? scope : { ...scope, env: literalEnv(node, scope.env) };
}

/** Events of `on:` as a string, a list or a map. */
export function readTriggers(on: Node | undefined): string[] {
  const single = scalarText(on);
  if (single) return [single];
  if (isSeq(on))
    return seqItems(on)
      .map(scalarText)
      .filter((t): t is string => Boolean(t));
  if (isMap(on)) return mapEntries(on).map((e) => e.key);
  return [];
}

/** Defaults of `workflow_dispatch` and `workflow_call` inputs, for `${{ inputs.x }}`. */
export function inputDefaults(on: Node | undefined): Map<string, string> {
  const inputs = new Map<string, string>();
  for (const event of ["workflow_dispatch", "workflow_call"]) {
    for (const entry of mapEntries(getNode(getNode(on, event), "inputs"))) {
      const value = scalarText(getNode(entry.value, "default"));
      if (value !== undefined) inputs.set(entry.key, value);
    }
  }
  return inputs;
}
