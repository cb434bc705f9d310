import { z } from "zod";

/** GitHub's own rules: owner 1-39 chars of letters, digits and single hyphens; repo names 1-100 of [A-Za-z0-9._-]. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

export type ParsedRepositoryName = { owner: string; name: string };

/**
 * Reads `owner/repo`, `https://github.com/owner/repo(.git)`, `git@github.com:owner/repo.git`.
 * Returns a sentence for the user when the input is not a repository.
 */
export function parseRepositoryName(
  input: string,
): { ok: true; value: ParsedRepositoryName } | { ok: false; error: string } {
  const text = input.trim();
  if (!text) return { ok: false, error: "Enter a repository as owner/name or paste its GitHub URL." };
  const path = text
    .replace(/^git@[^:]+:/, "")
    .replace(/^https?:\/\/(www\.)?[^/]+\//i, "")
    .replace(/\.git$/, "")
    .replace(/\/+$/, "");
  const [owner = "", name = "", ...rest] = path.split("/");
  // URLs such as github.com/acme/shop/tree/main still name acme/shop.
  const fromUrl = text !== path && rest.length > 0;
  if ((rest.length > 0 && !fromUrl) || !owner || !name) {
    return { ok: false, error: `"${text}" is not a repository: use owner/name, for example acme/shop.` };
  }
  if (!OWNER.test(owner)) return { ok: false, error: `"${owner}" is not a valid GitHub owner name.` };
  if (!NAME.test(name) || name === "." || name === "..") {
    return { ok: false, error: `"${name}" is not a valid GitHub repository name.` };
  }
  return { ok: true, value: { owner, name } };
}

export const repositoryNameSchema = z.string().transform((value, ctx) => {
  const parsed = parseRepositoryName(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return parsed.value;
});

/**
 * A repository named by a URL's path segments (`/repos/{owner}/{name}`, `/api/repos/{owner}/{name}`):
 * both must be exactly what GitHub allows, so nothing else (a NUL byte, a slash, a malformed escape)
 * reaches the database or GitHub. Segments may arrive encoded or decoded; either is accepted.
 */
export function repositoryFromPath(owner: string, name: string): ParsedRepositoryName | null {
  const decodedOwner = safeDecode(owner);
  const decodedName = safeDecode(name);
  if (decodedOwner === null || decodedName === null) return null;
  if (!OWNER.test(decodedOwner) || !NAME.test(decodedName) || decodedName === "." || decodedName === "..") {
    return null;
  }
  return { owner: decodedOwner, name: decodedName };
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
