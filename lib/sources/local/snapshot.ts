import { lstat, readdir, readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { FORMATS } from "../../parity/formats/index";
import { claimedPaths } from "../../parity/formats/registry";
import type { Format, History, RepoSnapshot } from "../../parity/types";
import { git, gitOrNull, readHistory, readTagDeploys } from "./git";

/**
 * The same snapshot as the GitHub source, from a directory on disk: a git checkout (tracked plus
 * untracked-but-not-ignored files, history from `git log`, version tags as deploy proxies) or a
 * plain directory (a walk, no history: time and personnel checks then answer unknown).
 */

export interface LocalSnapshotOptions {
  dir: string;
  /** Start of the history window; all history when absent. */
  since?: Date;
  formats?: readonly Format[];
}

const MAX_FILE_BYTES = 1024 * 1024;
const SKIP_DIRS = new Set(["node_modules", ".git"]);

export async function readLocalSnapshot(options: LocalSnapshotOptions): Promise<RepoSnapshot> {
  const dir = resolve(options.dir);
  const stats = await lstat(dir).catch(() => null);
  if (!stats?.isDirectory()) throw new Error(`${options.dir} is not a directory`);
  const inside = (await gitOrNull(dir, ["rev-parse", "--is-inside-work-tree"])) === "true";
  const paths = inside ? await gitPaths(dir) : await walk(dir);
  const { files, skipped } = await readClaimed(dir, paths, options.formats ?? FORMATS);
  const base = { repository: basename(dir), paths, files, ...(skipped.length ? { skipped } : {}) };
  if (!inside) return { ...base, defaultBranch: null, commit: null };

  const head = await gitOrNull(dir, ["rev-parse", "--verify", "--quiet", "HEAD"]);
  const dirty = (await gitOrNull(dir, ["status", "--porcelain", "--untracked-files=normal", "--", "."])) !== "";
  const defaultBranch = await branchName(dir);
  if (!head) return { ...base, defaultBranch, commit: null };
  const historyRef =
    (await gitOrNull(dir, ["rev-parse", "--verify", "--quiet", `refs/heads/${defaultBranch}`])) ?? head;
  const shallow = (await gitOrNull(dir, ["rev-parse", "--is-shallow-repository"])) === "true";
  const history: History = {
    commits: await readHistory(dir, historyRef, options.since),
    deploys: await readTagDeploys(dir, options.since),
    complete: !shallow,
  };
  return { ...base, defaultBranch, commit: dirty ? null : head, history };
}

/** origin's default branch when there is a remote, else the checked-out branch. */
async function branchName(dir: string): Promise<string | null> {
  const remote = await gitOrNull(dir, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
  if (remote) return remote.replace(/^origin\//, "");
  return gitOrNull(dir, ["symbolic-ref", "--quiet", "--short", "HEAD"]);
}

async function gitPaths(dir: string): Promise<string[]> {
  const listed = (await git(dir, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])).split("\0");
  const deleted = new Set((await git(dir, ["ls-files", "-z", "--deleted"])).split("\0"));
  return [...new Set(listed)].filter((p) => p && !deleted.has(p)).sort();
}

async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  async function visit(relative: string): Promise<void> {
    const entries = await readdir(join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      // Symlinked directories are not followed: they can loop or leave the tree.
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) await visit(path);
      else if (entry.isFile()) out.push(path);
    }
  }
  await visit("");
  return out.sort();
}

async function readClaimed(
  dir: string,
  paths: readonly string[],
  formats: readonly Format[],
): Promise<{ files: Map<string, string>; skipped: { path: string; reason: string }[] }> {
  const files = new Map<string, string>();
  const skipped: { path: string; reason: string }[] = [];
  for (const path of claimedPaths(paths, formats)) {
    const full = join(dir, ...path.split("/"));
    const stats = await lstat(full).catch(() => null);
    if (!stats?.isFile()) {
      skipped.push({ path, reason: stats?.isSymbolicLink() ? "symbolic link" : "not a regular file" });
      continue;
    }
    if (stats.size > MAX_FILE_BYTES) {
      skipped.push({ path, reason: "larger than 1 MB" });
      continue;
    }
    const bytes = await readFile(full);
    if (bytes.subarray(0, 8000).includes(0)) {
      skipped.push({ path, reason: "binary file" });
      continue;
    }
    files.set(path, bytes.toString("utf8"));
  }
  return { files, skipped };
}
