import { execFile } from "node:child_process";
import type { Commit, Deploy } from "../../parity/types";

/** Thin wrappers over the git CLI (no shell: arguments go to execFile as an array). */

export async function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["-c", "core.quotePath=false", ...args],
      {
        cwd,
        maxBuffer: 256 * 1024 * 1024,
        encoding: "utf8",
        // Only local read commands run here (ls-files, log, for-each-ref): nothing prompts, and
        // --format output does not depend on the locale, so the inherited environment is kept.
      },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

export async function gitOrNull(cwd: string, args: readonly string[]): Promise<string | null> {
  try {
    return (await git(cwd, args)).trim();
  } catch {
    return null;
  }
}

/** git prints `+00:00` offsets; the snapshot speaks UTC ISO 8601 like GitHub (`...Z`). */
function utc(date: string): string {
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? date : new Date(ms).toISOString().replace(".000Z", "Z");
}

const RS = "\x1e";
const US = "\x1f";

/** Default-branch history, first parents only (what reached the branch), newest first. */
export async function readHistory(cwd: string, ref: string, since: Date | undefined): Promise<Commit[]> {
  const args = [
    "log",
    "--first-parent",
    `--format=${RS}%H${US}%P${US}%an${US}%ae${US}%aI${US}%cI${US}%s`,
    "--name-only",
  ];
  if (since) args.push(`--since=${since.toISOString()}`);
  args.push(ref, "--");
  const out = await git(cwd, args);
  return out
    .split(RS)
    .filter((record) => record.trim())
    .map(parseCommit);
}

function parseCommit(record: string): Commit {
  const [header = "", ...rest] = record.split("\n");
  const [sha = "", parents = "", name = "", email = "", authored = "", committed = "", subject = ""] = header.split(US);
  const authoredAt = utc(authored);
  const committedAt = utc(committed);
  const isBot = /\[bot\]/i.test(name) || /\[bot\]@/i.test(email);
  const author = { id: email || name, isBot };
  // GitHub's merge commits name the pull request; the author of a merge commit is who merged it.
  const merge = /^Merge pull request #(\d+)/.exec(subject);
  const squash = /\(#(\d+)\)$/.exec(subject);
  const number = Number(merge?.[1] ?? squash?.[1] ?? Number.NaN);
  return {
    sha,
    parents: parents.split(" ").filter(Boolean),
    author: email || name ? author : null,
    authoredAt,
    committedAt,
    files: rest.map((line) => line.trim()).filter(Boolean),
    pullRequest: Number.isInteger(number) ? { number, mergedBy: merge ? author : null, mergedAt: committedAt } : null,
  };
}

const VERSION_TAG = /^v?\d+(\.\d+)+/;

/** Version tags as the weakest deploy signal (the engine labels them as a proxy). */
export async function readTagDeploys(cwd: string, since: Date | undefined): Promise<Deploy[]> {
  const format = `%(refname:short)${US}%(objectname)${US}%(*objectname)${US}%(creatordate:iso-strict)${US}%(taggeremail)`;
  const out = await gitOrNull(cwd, ["for-each-ref", `--format=${format}`, "refs/tags"]);
  if (!out) return [];
  const deploys: Deploy[] = [];
  for (const line of out.split("\n")) {
    const [name = "", object = "", peeled = "", date = "", tagger = ""] = line.split(US);
    if (!VERSION_TAG.test(name) || !date) continue;
    if (since && Date.parse(date) < since.getTime()) continue;
    const email = tagger.replace(/^<|>$/g, "");
    deploys.push({
      id: `tag:${name}`,
      environment: "production",
      sha: peeled || object,
      deployedAt: utc(date),
      creator: email ? { id: email, isBot: /\[bot\]@/i.test(email) } : null,
      source: "tag",
      trigger: "unknown",
    });
  }
  return deploys.sort((a, b) => Date.parse(b.deployedAt) - Date.parse(a.deployedAt));
}
