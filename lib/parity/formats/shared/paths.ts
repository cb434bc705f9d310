/** Posix path helpers (lib/parity avoids node:path): kustomize paths are relative to their file. */

export function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** Joins and normalizes `a/b` + `../c/./d` -> `a/c/d`. Null when the path leaves the repository. */
export function joinPath(base: string, relative: string): string | null {
  const parts = relative.startsWith("/") ? [] : base.split("/").filter(Boolean);
  for (const segment of relative.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) return null;
      parts.pop();
      continue;
    }
    parts.push(segment);
  }
  return parts.join("/");
}
