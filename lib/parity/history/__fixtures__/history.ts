/**
 * Synthetic histories for the time and personnel tests. Times are given in hours before NOW so
 * a table row reads like the story it tells ("deployed 2 hours after the commit").
 */
import type { CheckInput, Commit, Deploy, DeploySource, History, Inventory, ParityConfig, Person } from "../../types";

export const NOW = new Date("2025-03-31T12:00:00.000Z");
const HOUR = 3_600_000;

export function hoursAgo(hours: number): string {
  return new Date(NOW.getTime() - hours * HOUR).toISOString();
}

export function person(id: string, isBot = /\[bot\]$/.test(id)): Person {
  return { id, isBot };
}

export interface CommitSpec {
  sha: string;
  /** Author id; null for a commit without a known author. Default `alice`. */
  author?: string | null;
  authoredHoursAgo: number;
  /** Default: same as authored. */
  committedHoursAgo?: number;
  files?: string[];
  mergedBy?: string;
  /** Default: the previous commit in the chain. */
  parents?: string[];
}

/** A linear default branch from specs given oldest first; returned newest first like sources do. */
export function chain(specs: readonly CommitSpec[]): Commit[] {
  const commits: Commit[] = [];
  let previous: string | null = null;
  for (const spec of specs) {
    const author = spec.author === undefined ? "alice" : spec.author;
    const commit: Commit = {
      sha: spec.sha,
      parents: spec.parents ?? (previous ? [previous] : []),
      author: author === null ? null : person(author),
      authoredAt: hoursAgo(spec.authoredHoursAgo),
      committedAt: hoursAgo(spec.committedHoursAgo ?? spec.authoredHoursAgo),
      ...(spec.files ? { files: spec.files } : {}),
      ...(spec.mergedBy ? { pullRequest: { number: commits.length + 1, mergedBy: person(spec.mergedBy), mergedAt: null } } : {}),
    };
    commits.push(commit);
    previous = spec.sha;
  }
  return commits.reverse();
}

/** `count` commits by `author`, one every `spacingHours`, the newest `newestHoursAgo` old. */
export function linear(
  count: number,
  opts: { prefix?: string; author?: string; spacingHours?: number; newestHoursAgo?: number } = {},
): Commit[] {
  const { prefix = "c", author = "alice", spacingHours = 1, newestHoursAgo = 0 } = opts;
  const specs: CommitSpec[] = [];
  for (let i = 0; i < count; i += 1) {
    specs.push({ sha: `${prefix}${i}`, author, authoredHoursAgo: newestHoursAgo + (count - 1 - i) * spacingHours });
  }
  return chain(specs);
}

export interface DeploySpec {
  sha: string;
  hoursAgo: number;
  environment?: string;
  source?: DeploySource;
  trigger?: Deploy["trigger"];
  /** Creator id; null for none. Default `github-actions[bot]`. */
  creator?: string | null;
  id?: string;
}

let deployCounter = 0;

export function deploy(spec: DeploySpec): Deploy {
  deployCounter += 1;
  const creator = spec.creator === undefined ? "github-actions[bot]" : spec.creator;
  return {
    id: spec.id ?? `d${deployCounter}`,
    environment: spec.environment ?? "production",
    sha: spec.sha,
    deployedAt: hoursAgo(spec.hoursAgo),
    creator: creator === null ? null : person(creator),
    source: spec.source ?? "deployment",
    trigger: spec.trigger ?? "automatic",
  };
}

export function history(commits: Commit[], deploys: Deploy[], complete = true): History {
  return { commits, deploys, complete };
}

export function emptyInventory(deployJobs: Inventory["deployJobs"] = []): Inventory {
  return { uses: [], files: [], envKeys: [], literals: [], deployJobs, devEnvironmentFiles: [], problems: [], paths: [] };
}

export function config(production: string[] = []): ParityConfig {
  return { environments: {}, production, suppress: [], comment: "changes" };
}

export function input(h: History | null, opts: { production?: string[]; inventory?: Inventory } = {}): CheckInput {
  return { inventory: opts.inventory ?? emptyInventory(), config: config(opts.production), history: h, now: NOW };
}

export interface TeamSpec {
  authors: string[];
  /** One commit a day, the newest 12 hours before NOW. */
  days: number;
  /** Deploy the branch head after every n-th commit. */
  deployEveryDays: number;
  deployLagHours?: number;
  trigger?: Deploy["trigger"];
  /** Deploy creator: an id, `author` for the deployed commit's author. Default the Actions bot. */
  deployer?: string;
  source?: DeploySource;
  /** Files of commit i by author; default: application code only. */
  files?: (author: string, i: number) => string[];
}

/** A team shipping one commit a day, round-robin over its authors, with a fixed deploy cadence. */
export function team(spec: TeamSpec): History {
  const { authors, days, deployEveryDays, deployLagHours = 2, trigger = "automatic" } = spec;
  const specs: CommitSpec[] = [];
  const deploys: Deploy[] = [];
  for (let i = 0; i < days; i += 1) {
    const author = authors[i % authors.length] ?? "alice";
    const ago = (days - 1 - i) * 24 + 12;
    specs.push({ sha: `t${i}`, author, authoredHoursAgo: ago, files: spec.files?.(author, i) ?? [`src/feature-${i}.ts`] });
    if ((i + 1) % deployEveryDays === 0) {
      const creator = spec.deployer === "author" ? author : (spec.deployer ?? "github-actions[bot]");
      deploys.push(deploy({ sha: `t${i}`, hoursAgo: ago - deployLagHours, trigger, creator, source: spec.source ?? "deployment" }));
    }
  }
  return history(chain(specs), deploys);
}
