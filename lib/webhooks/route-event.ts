/**
 * Pure routing of a verified webhook to the work it asks for. Only the fields the jobs need are
 * kept (a PR payload is ~25 KB; its task is a few hundred bytes), and everything else is ignored
 * with a reason that the deliveries table shows.
 */

import type { RepoEntry, WebhookTask } from "../jobs/webhook-tasks";

export type Routed = { task: WebhookTask } | { ignore: string };

const PR_ACTIONS = new Set(["opened", "synchronize", "reopened", "ready_for_review"]);

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function repoEntries(value: unknown): RepoEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const fullName = str(obj(item).full_name);
    return fullName ? [{ fullName, id: num(obj(item).id) }] : [];
  });
}

/** Facts every delivery row records, whatever its fate. */
export function deliveryFacts(payload: Json): {
  action: string | null;
  installationId: number | null;
  repository: string | null;
  pullNumber: number | null;
} {
  const pull = obj(payload.pull_request);
  return {
    action: str(payload.action),
    installationId: num(obj(payload.installation).id),
    repository: str(obj(payload.repository).full_name),
    pullNumber: num(pull.number) ?? num(payload.number),
  };
}

export function routeEvent(event: string, payload: Json): Routed {
  const { action, installationId, repository } = deliveryFacts(payload);
  if (event === "ping") return { ignore: "ping" };
  if (installationId === null) return { ignore: "not sent by a GitHub App installation" };
  if (event === "installation") return routeInstallation(payload, installationId, action);
  if (event === "installation_repositories") {
    return {
      task: {
        kind: "installation",
        installationId,
        account: str(obj(obj(payload.installation).account).login),
        added: repoEntries(payload.repositories_added),
        removed: repoEntries(payload.repositories_removed),
        removeAll: false,
      },
    };
  }
  if (!repository) return { ignore: `${event} without a repository` };
  const repo = obj(payload.repository);
  if (event === "pull_request") return routePull(payload, installationId, repository, action);
  if (event === "push") {
    const defaultBranch = str(repo.default_branch);
    if (payload.deleted === true) return { ignore: "branch deleted" };
    if (!defaultBranch || payload.ref !== `refs/heads/${defaultBranch}`) return { ignore: "push to another branch" };
    return { task: { kind: "reaudit", installationId, repository, trigger: "push" } };
  }
  if (event === "deployment_status") {
    if (action !== "created") return { ignore: `deployment_status ${action ?? ""}`.trim() };
    return { task: { kind: "reaudit", installationId, repository, trigger: "deployment" } };
  }
  if (event === "check_run") {
    const run = obj(payload.check_run);
    if (action !== "rerequested") return { ignore: `check_run ${action ?? ""}`.trim() };
    const headSha = str(run.head_sha);
    if (!headSha) return { ignore: "check_run without head_sha" };
    const pullNumbers = (Array.isArray(run.pull_requests) ? run.pull_requests : []).flatMap((p) => {
      const n = num(obj(p).number);
      return n === null ? [] : [n];
    });
    return { task: { kind: "check_run", installationId, repository, headSha, pullNumbers } };
  }
  return { ignore: `event ${event} is not used` };
}

function routeInstallation(payload: Json, installationId: number, action: string | null): Routed {
  const account = str(obj(obj(payload.installation).account).login);
  const repositories = repoEntries(payload.repositories);
  if (action === "created" || action === "unsuspend" || action === "new_permissions_accepted") {
    return {
      task: { kind: "installation", installationId, account, added: repositories, removed: [], removeAll: false },
    };
  }
  if (action === "deleted" || action === "suspend") {
    return {
      task: { kind: "installation", installationId, account, added: [], removed: repositories, removeAll: true },
    };
  }
  return { ignore: `installation ${action ?? ""}`.trim() };
}

function routePull(payload: Json, installationId: number, repository: string, action: string | null): Routed {
  if (!action || !PR_ACTIONS.has(action)) return { ignore: `pull_request ${action ?? ""}`.trim() };
  const pull = obj(payload.pull_request);
  const head = obj(pull.head);
  const base = obj(pull.base);
  const number = num(pull.number) ?? num(payload.number);
  const headSha = str(head.sha);
  const baseRef = str(base.ref);
  const baseSha = str(base.sha);
  if (number === null || !headSha || !baseRef || !baseSha) return { ignore: "pull_request without head or base" };
  if (pull.state !== "open") return { ignore: "pull request is not open" };
  return {
    task: {
      kind: "pull_request",
      installationId,
      repository,
      defaultBranch: str(obj(payload.repository).default_branch),
      number,
      title: str(pull.title) ?? "",
      draft: pull.draft === true,
      headSha,
      headRef: str(head.ref) ?? headSha,
      headRepository: str(obj(head.repo).full_name),
      baseRef,
      baseSha,
    },
  };
}
