import { parseImageRef } from "../../catalog";
import type { ImageOverride } from "./graph";

/** Splits `name:tag@digest` keeping the registry in the name, as kustomize matches it. */
function splitImage(ref: string): { name: string; tag: string | null; digest: string | null } {
  let rest = ref.trim();
  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, tag: null, digest };
}

/** `docker.io/library/redis` and `redis` are the same image for matching purposes. */
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const left = parseImageRef(a);
  const right = parseImageRef(b);
  const registry = (r: string | null) => (r === null || r === "docker.io" || r === "index.docker.io" ? null : r);
  return left.name === right.name && registry(left.registry) === registry(right.registry);
}

/** Applies one `images:` list; returns the new reference and the override that matched. */
export function applyOverrides(
  ref: string,
  overrides: readonly ImageOverride[],
): { ref: string; matched?: ImageOverride } {
  const image = splitImage(ref);
  const matched = overrides.find((o) => sameName(o.name, image.name));
  if (!matched) return { ref };
  const name = matched.newName ?? image.name;
  if (matched.digest) return { ref: `${name}@${matched.digest}`, matched };
  const tag = matched.newTag ?? image.tag;
  const digest = matched.newTag ? null : image.digest;
  return { ref: `${name}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`, matched };
}
