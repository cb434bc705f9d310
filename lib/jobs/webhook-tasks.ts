/**
 * The work a verified webhook asks for, as the receiver records it on the delivery row
 * (lib/webhooks/route-event.ts) and the PR bot's jobs read it back (lib/workers): the contract
 * between the two, so neither imports the other.
 */

export interface RepoEntry {
  fullName: string;
  id: number | null;
}

export interface PullRequestTask {
  kind: "pull_request";
  installationId: number;
  repository: string;
  defaultBranch: string | null;
  number: number;
  title: string;
  draft: boolean;
  headSha: string;
  headRef: string;
  /** The head's `owner/name`: a fork's for fork PRs (null when the fork was deleted). */
  headRepository: string | null;
  baseRef: string;
  baseSha: string;
}

export interface CheckRunTask {
  kind: "check_run";
  installationId: number;
  repository: string;
  headSha: string;
  /** Empty for fork PRs (GitHub leaves them out): the job looks the sha up in its PR audits. */
  pullNumbers: number[];
}

export interface ReauditTask {
  kind: "reaudit";
  installationId: number;
  repository: string;
  trigger: "push" | "deployment";
}

export interface InstallationTask {
  kind: "installation";
  installationId: number;
  account: string | null;
  added: RepoEntry[];
  removed: RepoEntry[];
  /** The App was uninstalled or suspended: every repository of the installation goes. */
  removeAll: boolean;
}

export type WebhookTask = PullRequestTask | CheckRunTask | ReauditTask | InstallationTask;
