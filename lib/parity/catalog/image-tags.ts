import { parseImageRef } from "./images";

/**
 * Whether an image reference names a version, for any image (the catalog's rules judge backing
 * services by their own tags). `floating`: no tag (Docker pulls `latest`) or `latest` and its
 * variants (`latest-alpine`, `postgresql-latest`), whatever was pushed last. A tag with a version
 * number, a digest, or any other word is `pinned`: a bare variant (`alpine`) or a branch a
 * project follows on purpose (`develop`, `nightly`) is not judged here, since for an image the
 * catalog does not know, whether and how it moves cannot be told.
 * `unknown`: the reference, as written, leaves the tag to a variable or template (`${TAG}`,
 * `{{ .Values.tag }}`, `${{ matrix.v }}`), or leaves the whole reference to one (`$IMAGE`, which
 * may carry its own tag): what runs is what the deployer passes.
 */
export type TagState = "pinned" | "floating" | "unknown";

const TEMPLATE = /\$|\{\{|\{%/;

export function tagState(written: string): TagState {
  const text = written.trim();
  if (text === "") return "unknown";
  if (text.includes("@")) return TEMPLATE.test(text.slice(text.indexOf("@"))) ? "unknown" : "pinned";
  if (TEMPLATE.test(text)) {
    // Only a literal tag after the last template (`${REGISTRY}/app:latest`) is known.
    const literal = /:([\w.-]+)$/.exec(text);
    const tail = text.slice(text.lastIndexOf("/") + 1);
    if (!literal || TEMPLATE.test(tail.slice(tail.lastIndexOf(":")))) return "unknown";
    return movingTag(literal[1] as string) ? "floating" : "pinned";
  }
  const tag = parseImageRef(text).tag;
  return tag === null || movingTag(tag) ? "floating" : "pinned";
}

function movingTag(tag: string): boolean {
  return tag.toLowerCase().split(/[-_.]/).includes("latest");
}

/** `registry/name` without tag or digest, Docker Hub's own host left out: one image's name however written. */
export function imageName(ref: string): string {
  const image = parseImageRef(ref);
  const hub =
    image.registry === null || /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/i.test(image.registry);
  return hub ? image.name : `${image.registry?.toLowerCase()}/${image.name}`;
}
