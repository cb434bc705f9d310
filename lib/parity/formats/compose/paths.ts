/** Repository paths are `/`-separated and relative; these helpers stay pure (no node:path). */

export function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

export function baseOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Joins a relative reference onto a directory, resolving `.` and `..`; null if it leaves the repo. */
export function joinPath(dir: string, relative: string): string | null {
  // A plain name (`.env`, a sibling compose file: most calls) joins as is, without splitting.
  if (relative !== "" && relative !== "." && relative !== ".." && !relative.includes("/")) {
    return dir ? `${dir}/${relative}` : relative;
  }
  if (relative.startsWith("/")) return null;
  const parts = dir ? dir.split("/") : [];
  for (const part of relative.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts.join("/");
}
