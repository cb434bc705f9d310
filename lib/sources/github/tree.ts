import type { EtagCache } from "./cache";
import type { GitHubClient } from "./client";
import { type Counter, conditionalGet } from "./conditional";

export interface TreeFile {
  path: string;
  sha: string;
  size: number;
}

export interface TreeResult {
  sha: string;
  files: TreeFile[];
  truncated: boolean;
  skipped: { path: string; reason: string }[];
}

interface RawTree {
  sha: string;
  truncated: boolean;
  tree: { path: string; type: string; sha: string; size?: number }[];
}

/** Directories that never hold environment definitions; skipped when a truncated tree is walked. */
const NOT_CONFIG = new Set([
  "node_modules",
  "vendor",
  "dist",
  "build",
  "target",
  "public",
  "assets",
  "static",
  "docs",
  "test",
  "tests",
  "spec",
  "__tests__",
  "fixtures",
  "testdata",
]);
/** At most this many directories are walked after a truncated tree (each is one request). */
const MAX_WALKED_DIRECTORIES = 20;

/**
 * Every path and blob sha of the default branch (`HEAD`) in one conditional call. GitHub truncates
 * recursive trees past 100,000 entries or 7 MB; then the top-level directories that can hold
 * environment definitions are fetched one by one, and the truncation is stated in `skipped`.
 */
export async function fetchTree(
  client: GitHubClient,
  cache: EtagCache,
  counter: Counter,
  owner: string,
  repo: string,
  request: Record<string, unknown>,
): Promise<TreeResult> {
  const route = "GET /repos/{owner}/{repo}/git/trees/{tree_sha}";
  const root = await conditionalGet<RawTree>(
    client,
    cache,
    counter,
    route,
    { owner, repo, tree_sha: "HEAD", recursive: "1" },
    request,
  );
  const files = blobs(root.data.tree, "");
  if (!root.data.truncated) return { sha: root.data.sha, files, truncated: false, skipped: [] };
  const seen = new Set(files.map((f) => f.path));
  // The truncated listing may miss whole directories; the root's own (non-recursive) listing is short.
  const top = await conditionalGet<RawTree>(
    client,
    cache,
    counter,
    route,
    { owner, repo, tree_sha: root.data.sha },
    request,
  );
  for (const file of blobs(top.data.tree, "")) {
    if (!seen.has(file.path)) files.push(file);
    seen.add(file.path);
  }
  const dirs = top.data.tree.filter((e) => e.type === "tree" && !NOT_CONFIG.has(e.path));
  for (const dir of dirs.slice(0, MAX_WALKED_DIRECTORIES)) {
    const sub = await conditionalGet<RawTree>(
      client,
      cache,
      counter,
      route,
      { owner, repo, tree_sha: dir.sha, recursive: "1" },
      request,
    );
    for (const file of blobs(sub.data.tree, `${dir.path}/`)) {
      if (!seen.has(file.path)) files.push(file);
      seen.add(file.path);
    }
  }
  const reason = `tree truncated by GitHub; walked ${Math.min(dirs.length, MAX_WALKED_DIRECTORIES)} top-level directories`;
  return { sha: root.data.sha, files, truncated: true, skipped: [{ path: ".", reason }] };
}

function blobs(entries: RawTree["tree"], prefix: string): TreeFile[] {
  return entries
    .filter((e) => e.type === "blob")
    .map((e) => ({ path: `${prefix}${e.path}`, sha: e.sha, size: e.size ?? 0 }));
}
