/**
 * The two text moves every version fix makes, inside one line: retag an image reference
 * (`postgres:14-alpine` -> `postgres:16-alpine`) and replace a version number (`node-version: 18`
 * -> `node-version: 20`). Everything around the token (key, quotes, comments) stays as written.
 */
import { normalizeVersion, resolveImage } from "../catalog";

export type Found = { from: number; to: number; text: string } | { reason: string };

/** Tokens an image reference can be: whatever quotes, brackets, commas and `=` separate. */
const TOKEN = /[^\s"'`(),=[\]{}]+/g;

/**
 * The reference on `line` the catalog reads as `engine` at `version` (null: a floating one): a
 * Testcontainers line also names a variable `postgres`, which is no image.
 */
export function findImage(line: string, engine: string, version: string | null): Found {
  for (const match of line.matchAll(TOKEN)) {
    const text = match[0];
    const image = resolveImage(text);
    if (image === null || image.engine !== engine || image.emulator !== undefined) continue;
    if (image.version !== version && !text.includes("$")) continue;
    if (text.includes("$") || text.includes("{{")) {
      return { reason: "the image tag is set by a variable or template: change it where the value is set" };
    }
    const from = match.index ?? 0;
    return { from, to: from + text.length, text };
  }
  return { reason: `no ${engine} image reference on the line` };
}

/**
 * Variant suffixes kept as they are: words, optionally with a version of their own (`-alpine`,
 * `-alpine3.20`, `-management`, `-bookworm`). A suffix with a number segment or a build revision
 * (`-debian-12-r3`, Bitnami's) names one build of one version: the same suffix on another
 * version may not exist.
 */
const VARIANT = /^(?:-[a-z][a-z0-9.]*)*$/i;
const REVISION = /(?:^|-)r\d+(?:$|-)/i;

/** `postgres:14-alpine` at `16` -> `postgres:16-alpine`; `redis:latest` -> `redis:7`; `redis` -> `redis:7`. */
export function retag(ref: string, version: string): { ref: string } | { reason: string } {
  if (ref.includes("@"))
    return { reason: `${ref} is pinned by digest: which tag it stands for cannot be known offline` };
  const lastSlash = ref.lastIndexOf("/");
  const colon = ref.lastIndexOf(":");
  if (colon <= lastSlash) return { ref: `${ref}:${version}` };
  const name = ref.slice(0, colon);
  const tag = ref.slice(colon + 1);
  // `v16`, pgvector's `pg16`: a prefix kept as written.
  const numbered = /^(v|pg)?(\d+(?:\.\d+)*)(.*)$/i.exec(tag);
  let suffix: string;
  let prefix = "";
  if (numbered) {
    prefix = numbered[1] ?? "";
    suffix = numbered[3] ?? "";
  } else {
    // `latest`, `alpine`, `latest-alpine`: the words other than `latest` are the variant.
    const words = tag.split("-").filter((word) => word.toLowerCase() !== "latest");
    suffix = words.map((word) => `-${word}`).join("");
  }
  if (!VARIANT.test(suffix) || REVISION.test(suffix)) {
    return { reason: `the tag ${tag} names one build (${suffix}): the same build of another version may not exist` };
  }
  return { ref: `${name}:${prefix}${version}${suffix}` };
}

/**
 * Version numbers standing alone: not part of a word (`python3`) or of a longer number; a
 * wildcard tail (`1.13.x`, Travis and setup-* ranges) and a full stop after it are kept outside.
 */
const NUMBER = /(?<![\w.])v?(\d+(?:\.\d+)*)(?:\.[xX*])?(?!\w|\.\d)/g;

/**
 * The one version number on `line` that reads as `current` for `engine`. A line with several
 * (a CI matrix `[18, 20]`) is not one mechanical change: adding prod's version is a choice.
 */
export function findVersion(line: string, engine: string, current: string): Found {
  const matches = [...line.matchAll(NUMBER)].filter((match) => normalizeVersion(engine, match[1]) === current);
  if (matches.length === 0) return { reason: `no ${current} version number on the line` };
  if (matches.length > 1) return { reason: `the line names several versions (${line.trim()}): choose by hand` };
  const match = matches[0] as RegExpMatchArray;
  const digits = match[1] ?? "";
  // The digits follow an optional `v` and precede an optional `.x`.
  const from = (match.index ?? 0) + (match[0].startsWith("v") ? 1 : 0);
  return { from, to: from + digits.length, text: digits };
}

/** How many dot-separated parts a version has (`18.17.0` -> 3). */
export function parts(version: string): number {
  return version.split(".").length;
}
