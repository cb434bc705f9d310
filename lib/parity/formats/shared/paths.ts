/**
 * Repository paths: `/`-separated and relative to the repository root. Pure helpers (lib/parity
 * avoids node:path), one place for every format. The three joins share one resolver and differ only
 * where the files they read differ: what a `/`-rooted reference and a `..` past the root mean.
 */

export function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Applies `relative`'s segments to `parts`, resolving `.` and `..`; `..` past the root is null or ignored. */
function resolveSegments(parts: string[], relative: string, pastRoot: "null" | "ignore"): string | null {
  for (const segment of relative.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) {
        if (pastRoot === "null") return null;
        continue;
      }
      parts.pop();
      continue;
    }
    parts.push(segment);
  }
  return parts.join("/");
}

/**
 * Joins and normalizes `a/b` + `../c/./d` -> `a/c/d`; `/x` reads from the repository root (a
 * workflow's or kustomization's path). Null when the path leaves the repository.
 */
export function joinPath(base: string, relative: string): string | null {
  const parts = relative.startsWith("/") ? [] : base.split("/").filter(Boolean);
  return resolveSegments(parts, relative, "null");
}

/**
 * Joins a compose file's relative reference onto its directory: a `/`-rooted one is a host path,
 * outside the repository (null), as is one that climbs past the root.
 */
export function joinComposePath(dir: string, relative: string): string | null {
  // A plain name (`.env`, a sibling compose file: most calls) joins as is, without splitting.
  if (relative !== "" && relative !== "." && relative !== ".." && !relative.includes("/")) {
    return dir ? `${dir}/${relative}` : relative;
  }
  if (relative.startsWith("/")) return null;
  return resolveSegments(dir ? dir.split("/") : [], relative, "null");
}

/**
 * The platform files' loose join (render.yaml, fly.toml, railway.json, Terraform modules): a
 * leading `/` and any `..` past the root are ignored, so a reference always names a path.
 */
export function joinPathLoosely(dir: string, relative: string): string {
  return resolveSegments(dir ? dir.split("/") : [], relative, "ignore") ?? "";
}
