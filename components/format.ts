import type { Level, Severity } from "@/lib/parity/types";

/** Levels are always shown as a word, never as colour alone (docs: design/ui.md). */
export function levelWord(level: Level | null | undefined): string {
  if (level === "gold") return "Gold";
  if (level === "silver") return "Silver";
  if (level === "bronze") return "Bronze";
  return "Not yet";
}

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || Number.isNaN(score) ? "—" : String(Math.round(score));
}

const UNITS = [
  { limit: 60, divisor: 1, unit: "s" },
  { limit: 3600, divisor: 60, unit: "min" },
  { limit: 86_400, divisor: 3600, unit: "h" },
  { limit: 86_400 * 60, divisor: 86_400, unit: "d" },
  { limit: 86_400 * 730, divisor: 86_400 * 30, unit: "mo" },
  { limit: Number.POSITIVE_INFINITY, divisor: 86_400 * 365, unit: "y" },
] as const;

/** "3 min ago"; `now` is passed in so the server and the browser render the same text. */
export function formatRelative(when: string | Date | null | undefined, now: Date): string {
  if (!when) return "never";
  const time = typeof when === "string" ? new Date(when) : when;
  if (Number.isNaN(time.getTime())) return "never";
  const seconds = Math.round((now.getTime() - time.getTime()) / 1000);
  if (seconds < 10) return "just now";
  for (const { limit, divisor, unit } of UNITS) {
    if (seconds < limit) return `${Math.floor(seconds / divisor)} ${unit} ago`;
  }
  return "long ago";
}

export function formatDate(when: string | Date | null | undefined): string {
  if (!when) return "—";
  const time = typeof when === "string" ? new Date(when) : when;
  if (Number.isNaN(time.getTime())) return "—";
  return time.toISOString().slice(0, 10);
}

/** `2026-11-20 08:05 UTC`: a time to the minute, saying its zone (the dashboard shows UTC). */
export function formatUtcMinute(when: string | Date | null | undefined): string {
  const iso = toIso(when);
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—";
}

export function toIso(when: string | Date | null | undefined): string | null {
  if (!when) return null;
  const time = typeof when === "string" ? new Date(when) : when;
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

export function shortSha(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 7) : "—";
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/**
 * A repository on its GitHub: the web address (GITHUB_URL: github.com, a GHES host, the double)
 * and `owner/name`. Every link to a file, commit or pull request is built from it.
 */
export interface RepoOnGitHub {
  githubUrl: string;
  fullName: string;
}

function repositoryUrl(repo: RepoOnGitHub): string {
  return `${repo.githubUrl.replace(/\/+$/, "")}/${repo.fullName}`;
}

/** A file and line at the audited commit; falls back to the default branch when the sha is unknown. */
export function githubBlobUrl(repo: RepoOnGitHub, ref: string | null, file: string, line?: number | null): string {
  const path = file.split("/").map(encodeURIComponent).join("/");
  const anchor = line && line > 0 ? `#L${line}` : "";
  return `${repositoryUrl(repo)}/blob/${ref ?? "HEAD"}/${path}${anchor}`;
}

export function githubCommitUrl(repo: RepoOnGitHub, sha: string): string {
  return `${repositoryUrl(repo)}/commit/${sha}`;
}

export function githubPullUrl(repo: RepoOnGitHub, number: number): string {
  return `${repositoryUrl(repo)}/pull/${number}`;
}

export const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Tailwind classes per severity: colour adds to the word, never replaces it. */
export const SEVERITY_CLASS: Record<Severity, string> = {
  high: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/60 dark:text-red-300 dark:ring-red-900",
  medium: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950/60 dark:text-amber-300 dark:ring-amber-900",
  low: "bg-sky-50 text-sky-900 ring-sky-200 dark:bg-sky-950/60 dark:text-sky-300 dark:ring-sky-900",
  info: "bg-neutral-100 text-neutral-700 ring-neutral-200 dark:bg-neutral-800 dark:text-neutral-300 dark:ring-neutral-700",
};

export const LEVEL_CLASS: Record<Level | "none", string> = {
  gold: "bg-yellow-50 text-yellow-900 ring-yellow-300 dark:bg-yellow-950/60 dark:text-yellow-200 dark:ring-yellow-800",
  silver: "bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  bronze:
    "bg-orange-50 text-orange-900 ring-orange-200 dark:bg-orange-950/60 dark:text-orange-200 dark:ring-orange-900",
  none: "bg-neutral-50 text-neutral-700 ring-neutral-200 dark:bg-neutral-900 dark:text-neutral-300 dark:ring-neutral-700",
};
