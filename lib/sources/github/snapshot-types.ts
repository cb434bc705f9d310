import type { Format, RepoSnapshot } from "../../parity/types";
import type { EtagCache } from "./cache";
import type { DeployWorkflow } from "./deploy-workflows";

/**
 * The shapes the snapshot's files pass between them: snapshot.ts asks, probe.ts re-asks cheaply,
 * rest-fallback.ts answers when GraphQL cannot. Kept below all three so none imports another for
 * a type.
 */

export interface GitHubSnapshotOptions {
  owner: string;
  repo: string;
  /** Start of the history window (commits and deploys older than this are not needed). */
  since: Date;
  cache?: EtagCache;
  formats?: readonly Format[];
  /** Overrides the formats' deploy-job recognition (which workflows' runs count as deploys). */
  deployWorkflows?: (files: ReadonlyMap<string, string>) => readonly DeployWorkflow[];
  /** Overall bound of the audit, waits for rate limits included (default 60 s). */
  timeoutMs?: number;
  /** History pages of 100 commits beyond the first (default 9: 1,000 commits). */
  maxHistoryPages?: number;
}

export interface GitHubSnapshotResult {
  snapshot: RepoSnapshot;
  requests: number;
  rateLimitCost: number;
  notModified: boolean;
  /** Private on GitHub; null when the answer did not say. */
  isPrivate: boolean | null;
}

export type ProbeKind = "runs" | "deployments" | "tags";

/** What a full audit leaves behind so the next one can ask "did anything change?" for free. */
export interface SnapshotBaseline {
  snapshot: Omit<RepoSnapshot, "files"> & { files: [string, string][] };
  branch: string | null;
  head: string | null;
  /** Root tree sha: a 200 with the same sha (a rotated token changes ETags) is still unchanged. */
  treeSha: string;
  probe: ProbeKind;
  /** The probe list's answer, reduced to what matters (see `probeFingerprint`). */
  probeFingerprint: string;
  workflows: DeployWorkflow[];
  /** Private on GitHub (absent in baselines stored before it was recorded). */
  isPrivate?: boolean | null;
}

export interface FullResult {
  snapshot: RepoSnapshot;
  baseline: SnapshotBaseline;
}
