import { normalizeVersion, parseImageRef, resolveImage } from "../../catalog";
import type { ServiceKind } from "../../types";

/** Dev container images (https://github.com/devcontainers/images) and the runtime each carries. */
const DEVCONTAINER_IMAGES: Record<string, string> = {
  "javascript-node": "node",
  "typescript-node": "node",
  python: "python",
  ruby: "ruby",
  go: "go",
  java: "java",
  php: "php",
  rust: "rust",
  dotnet: "dotnet",
  node: "node",
};

export interface ImageRuntime {
  kind: ServiceKind;
  engine: string;
  version: string | null;
  pinned: boolean;
  emulator?: string;
}

/**
 * Dev container image tags put the image's own major first when there are two numbers
 * (`1-20-bookworm`: image 1, Node 20; `1-3.12-bullseye`: Python 3.12), and a lone small number
 * is the image major too (`typescript-node:1` floats across Node versions).
 */
export function resolveDevImage(ref: string): ImageRuntime | null {
  const image = parseImageRef(ref);
  const match = /^(?:vscode\/)?devcontainers\/([a-z-]+)$/.exec(image.name);
  const engine = match ? DEVCONTAINER_IMAGES[match[1] as string] : undefined;
  if (!engine) return resolveImage(ref);
  if (!image.tag || image.tag === "latest")
    return { kind: "runtime", engine, version: null, pinned: Boolean(image.digest) };
  const numbers: string[] = [];
  for (const part of image.tag.split("-")) {
    if (!/^\d+(\.\d+)*$/.test(part)) break;
    numbers.push(part);
  }
  const imageMajorOnly =
    numbers.length === 1 && (engine === "rust" || ((engine === "node" || engine === "java") && Number(numbers[0]) < 8));
  const written = numbers.length >= 2 ? numbers[1] : imageMajorOnly ? undefined : numbers[0];
  if (!written) return { kind: "runtime", engine, version: null, pinned: false };
  return { kind: "runtime", engine, version: normalizeVersion(engine, written), pinned: true };
}
