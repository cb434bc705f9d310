import type { ExtractContext } from "../../types";
import { pathIndex } from "../shared/path-index";

export interface CatalogLibrary {
  group: string;
  artifact: string;
}

/** Gradle turns `-`, `_` and `.` in catalog keys into `.` accessors (`libs.database.h2`). */
export function catalogAccessor(alias: string): string {
  return alias.replace(/[-_]/g, ".").toLowerCase();
}

/**
 * `[libraries]` of a `libs.versions.toml`, by accessor: `h2 = "g:a:v"`, `{ module = "g:a" }`
 * and `{ group = "g", name = "a" }` (TOML inline tables are one line, so a line scan suffices).
 */
export function parseVersionCatalog(content: string): Map<string, CatalogLibrary> {
  const libraries = new Map<string, CatalogLibrary>();
  let inLibraries = false;
  for (const raw of content.split("\n")) {
    const line = raw.replace(/\s#.*$/, "").trim();
    const section = /^\[([^\]]+)\]$/.exec(line);
    if (section) {
      inLibraries = section[1]?.trim() === "libraries";
      continue;
    }
    const entry = inLibraries ? /^["']?([\w.-]+)["']?\s*=\s*(.+)$/.exec(line) : null;
    if (!entry?.[1] || !entry[2]) continue;
    const value = entry[2];
    const coordinate = /^["']([^"':]+):([^"':]+)/.exec(value) ?? /module\s*=\s*["']([^"':]+):([^"':]+)/.exec(value);
    const group = coordinate?.[1] ?? /group\s*=\s*["']([^"']+)["']/.exec(value)?.[1];
    const artifact = coordinate?.[2] ?? /name\s*=\s*["']([^"']+)["']/.exec(value)?.[1];
    if (group && artifact) libraries.set(catalogAccessor(entry[1]), { group, artifact });
  }
  return libraries;
}

/** The `gradle/libs.versions.toml` nearest above `moduleRoot` (`""` or `a/b/`), parsed. */
export function nearestVersionCatalog(moduleRoot: string, ctx: ExtractContext): Map<string, CatalogLibrary> {
  const index = pathIndex(ctx.paths);
  let dir = moduleRoot;
  for (;;) {
    const path = `${dir}gradle/libs.versions.toml`;
    if (index.inDirectory(`${dir}gradle`).includes(path)) return parseVersionCatalog(ctx.readFile(path) ?? "");
    if (dir === "") return new Map();
    dir = dir.slice(0, dir.lastIndexOf("/", dir.length - 2) + 1);
  }
}
