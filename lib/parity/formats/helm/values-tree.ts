import type { Node } from "yaml";
import { isSecretKey, redactUrl, redactValue } from "../../redact";
import type { LiteralSetting, Problem } from "../../types";
import { getPath, isMap, mapEntries, parseYamlDocuments, scalarText } from "../shared/yaml-nodes";

interface Located {
  value: string;
  line: number;
}

/** An image a values file configures: `image: repo:tag` or `image: {registry, repository, tag}`. */
export interface ImageSite {
  /** Dotted key path of the image (`postgresql.image`, `worker.image`). */
  path: string;
  ref?: Located;
  registry?: Located;
  repository?: Located;
  tag?: Located;
  digest?: Located;
}

export interface ValuesTree {
  root: Node | undefined;
  sites: Map<string, ImageSite>;
  literals: LiteralSetting[];
  problems: Problem[];
  lineOf(node: Node | undefined): number;
}

/** Reads a values file. Literals are redacted here, before anything else sees them. */
export function readValues(content: string): ValuesTree {
  const parsed = parseYamlDocuments(content);
  const root = parsed.roots[0];
  const sites = new Map<string, ImageSite>();
  const literals: LiteralSetting[] = [];
  const located = (node: Node | undefined): Located | undefined => {
    const value = scalarText(node);
    return value === undefined || value === "" ? undefined : { value, line: parsed.lineOf(node) };
  };
  const walk = (node: Node | undefined, path: string[], depth: number): void => {
    if (depth > 12 || !isMap(node)) return;
    for (const entry of mapEntries(node)) {
      const childPath = [...path, entry.key];
      const dotted = childPath.join(".");
      if (entry.key === "image") {
        const ref = located(entry.value);
        if (ref) sites.set(dotted, { path: dotted, ref });
        if (isMap(entry.value)) {
          const site: ImageSite = { path: dotted };
          for (const field of ["registry", "repository", "tag", "digest"] as const) {
            const value = located(getPath(entry.value, [field]));
            if (value) site[field] = value;
          }
          sites.set(dotted, site);
          continue;
        }
      }
      // `redis: { repository: redis, tag: 8.8.0 }`: an image written at the service's own key
      // (an environment file may set the tag alone; the baseline gives the repository).
      if (
        isMap(entry.value) &&
        !sites.has(dotted) &&
        (getPath(entry.value, ["repository"]) || getPath(entry.value, ["tag"]))
      ) {
        const site: ImageSite = { path: dotted };
        for (const field of ["registry", "repository", "tag", "digest"] as const) {
          const value = located(getPath(entry.value, [field]));
          if (value) site[field] = value;
        }
        if (site.repository || site.tag || site.digest) sites.set(dotted, site);
      }
      const text = scalarText(entry.value);
      if (text !== undefined) {
        readLiteral(dotted, entry.key, text, parsed.lineOf(entry.value), literals);
        continue;
      }
      walk(entry.value, childPath, depth + 1);
    }
  };
  walk(root, [], 0);
  return { root, sites, literals, problems: parsed.problems, lineOf: parsed.lineOf };
}

function readLiteral(path: string, key: string, value: string, line: number, out: LiteralSetting[]) {
  // Template expressions and references to existing Secrets are not literals.
  if (value === "" || value === "true" || value === "false") return;
  if (value.includes("{{") || /^existing/i.test(key) || /secret(name|ref)$/i.test(key)) return;
  if (/:\/\/[^/@\s:]*:[^@\s]+@/.test(value)) {
    out.push({ key: path, line, value: redactUrl(value) });
    return;
  }
  if (isSecretKey(key) && !/^(secretkeys?|usernamekey|passwordkey)$/i.test(key)) {
    out.push({ key: path, line, value: redactValue(key, value) });
  }
}

/** `false` at any of the paths (a Chart dependency `condition`), checked in order. */
export function readFlag(root: Node | undefined, paths: readonly string[]): boolean | undefined {
  for (const path of paths) {
    const text = scalarText(getPath(root, path.split(".")));
    if (text === "true") return true;
    if (text === "false") return false;
  }
  return undefined;
}
