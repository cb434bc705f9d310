import { findNodeAtLocation, type Node, parseTree } from "jsonc-parser";
import type { ExtractContext } from "../../types";
import { dirname, joinComposePath } from "../shared/paths";

export interface ArgValue {
  value: string;
  /** 1-based line of the arg in the devcontainer.json. */
  line: number;
}

function lineAt(content: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < content.length; i++) if (content[i] === "\n") line++;
  return line;
}

/**
 * A devcontainer.json's `build.args` (https://containers.dev/implementors/json_reference/), with
 * the Dockerfile it builds (`build.dockerfile`, or the legacy top-level `dockerFile`, relative to
 * the devcontainer.json). Null when it builds no Dockerfile or passes no args.
 */
export function readBuildArgs(
  path: string,
  content: string,
): { dockerfile: string; args: Map<string, ArgValue> } | null {
  const root = parseTree(content, [], { allowTrailingComma: true, disallowComments: false });
  if (root?.type !== "object") return null;
  const dockerfile = findNodeAtLocation(root, ["build", "dockerfile"]) ?? findNodeAtLocation(root, ["dockerFile"]);
  if (dockerfile?.type !== "string") return null;
  const target = joinComposePath(dirname(path), String(dockerfile.value));
  const argsNode = findNodeAtLocation(root, ["build", "args"]);
  if (!target || argsNode?.type !== "object") return null;
  const args = new Map<string, ArgValue>();
  for (const property of argsNode.children ?? []) {
    const [key, value] = (property.children ?? []) as [Node?, Node?];
    if (key?.type !== "string" || (value?.type !== "string" && value?.type !== "number")) continue;
    args.set(String(key.value), { value: String(value.value), line: lineAt(content, key.offset) });
  }
  return args.size > 0 ? { dockerfile: target, args } : null;
}

/** Where a devcontainer.json that builds the Dockerfile at `dir/...` usually sits. */
function candidates(dockerfile: string): string[] {
  const dir = dirname(dockerfile);
  // Prefixes rather than helper closures: this runs once per Dockerfile of a monorepo.
  const inDir = dir ? `${dir}/` : "";
  const parent = dirname(dir);
  const inParent = parent ? `${parent}/` : "";
  return [
    `${inDir}devcontainer.json`,
    `${inDir}.devcontainer.json`,
    `${inDir}.devcontainer/devcontainer.json`,
    ...(dir ? [`${inParent}.devcontainer.json`] : []),
  ];
}

/** The build args a devcontainer.json passes when it builds this Dockerfile, and its path. */
export function devcontainerBuildArgs(
  dockerfile: string,
  ctx: ExtractContext,
): { file: string; args: Map<string, ArgValue> } | null {
  for (const path of candidates(dockerfile)) {
    const content = ctx.readFile(path);
    if (content === undefined) continue;
    const build = readBuildArgs(path, content);
    if (build?.dockerfile === dockerfile) return { file: path, args: build.args };
  }
  return null;
}
