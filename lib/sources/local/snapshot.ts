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
  // Sibling directories are read at once: a walk waits on the disk, one directory at a time it
  // waited 100,000 times on a large monorepo. The result is sorted, so the order of arrival is moot.
  async function visit(relative: string): Promise<void> {
    const entries = await readdir(join(root, relative), { withFileTypes: true });
    const subdirectories: Promise<void>[] = [];
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      // Symlinked directories are not followed: they can loop or leave the tree.
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) subdirectories.push(visit(path));
      else if (entry.isFile()) out.push(path);
    }
    await Promise.all(subdirectories);
  }
  await visit("");
  return out.sort();
}

async function readClaimed(
  dir: string,
  paths: readonly string[],
  formats: readonly Format[],
): Promise<{ files: Map<string, string>; skipped: { path: string; reason: string }[] }> {
  const claimed = claimedPaths(paths, formats);
  // A few dozen reads in flight: one at a time, a monorepo's 40,000 claimed files took 9 s of
  // waiting; the results keep the claimed order whatever order they arrive in.
  const outcomes = await mapWithLimit(claimed, READS_IN_FLIGHT, (path) => readOne(join(dir, ...path.split("/"))));
  const files = new Map<string, string>();
  const skipped: { path: string; reason: string }[] = [];
  claimed.forEach((path, at) => {
    const outcome = outcomes[at];
    if (outcome === undefined) return;
    if ("reason" in outcome) skipped.push({ path, reason: outcome.reason });
    else files.set(path, outcome.content);
  });
  return { files, skipped };
}

const READS_IN_FLIGHT = 32;

async function readOne(full: string): Promise<{ content: string } | { reason: string }> {
  const stats = await lstat(full).catch(() => null);
  if (!stats?.isFile()) return { reason: stats?.isSymbolicLink() ? "symbolic link" : "not a regular file" };
  if (stats.size > MAX_FILE_BYTES) return { reason: "larger than 1 MB" };
  const bytes = await readFile(full);
  if (bytes.subarray(0, 8000).includes(0)) return { reason: "binary file" };
  return { content: bytes.toString("utf8") };
}

/** `items.map(work)` with at most `limit` calls pending at once; results in the items' order. */
async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
