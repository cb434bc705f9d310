import type PgBoss from "pg-boss";
import type { BotDeps } from "../bot/pr-audit";
import { runPrAudit } from "../bot/pr-audit";
import {
  acquirePullLock,
  addInstallationRepository,
  getDelivery,
  installationCovers,
  installationKnown,
  installationRepositoryNames,
  lastPrAudit,
  latestPullDelivery,
  pullNumbersAtHead,
  releasePullLock,
  removeInstallationRepository,
  setDeliveryStatus,
  settlePullDeliveries,
} from "../db/queries/bot";
import { findRepository } from "../db/queries/repositories";
import { QUEUES } from "../jobs/boss";
import { addRepository, enqueueAudit } from "../jobs/queue";
import { type PrAuditJob, prAuditKey, type WebhookJob } from "./jobs";
import type { InstallationTask, PullRequestTask, RepoEntry, WebhookTask } from "./route-event";

/**
 * The worker side of webhooks. Every task first checks that the repository belongs to the
 * installation that sent it (an installation we never heard of is synced once from
 * `GET /installation/repositories`); anything else is ignored, never acted on.
 */

export interface WebhookWorkerDeps extends BotDeps {
  boss: PgBoss;
  /** Names this worker in PR locks (unique per job run). */
  holder?: string;
}

/** A PR's lock outlives a run by far (pg-boss expires a job after 15 minutes): a crash frees it. */
const LOCK_LEASE_MS = 16 * 60_000;

function split(fullName: string): { owner: string; name: string } {
  const [owner = "", name = ""] = fullName.split("/");
  return { owner, name };
}

async function connect(deps: WebhookWorkerDeps, installationId: number, entry: RepoEntry): Promise<void> {
  const before = await findRepository(deps.db, split(entry.fullName));
  const { repository } = await addRepository(deps.db, deps.boss, split(entry.fullName));
  await addInstallationRepository(deps.db, {
    installationId,
    fullName: entry.fullName,
    githubId: entry.id,
    repositoryId: repository.id,
    connectedByApp: before === null,
  });
}

async function applyInstallation(deps: WebhookWorkerDeps, task: InstallationTask): Promise<string> {
  const removed = task.removeAll
    ? (await installationRepositoryNames(deps.db, task.installationId)).map((fullName) => ({ fullName, id: null }))
    : task.removed;
  for (const entry of task.added) await connect(deps, task.installationId, entry);
  let deleted = 0;
  for (const entry of removed) {
    if (await removeInstallationRepository(deps.db, task.installationId, entry.fullName)) deleted += 1;
  }
  return `${task.added.length} added, ${removed.length} removed (${deleted} disconnected)`;
}

/** Learns an installation's repositories from GitHub, once, when no event told us about them. */
async function syncInstallation(deps: WebhookWorkerDeps, installationId: number): Promise<void> {
  const client = deps.appClient(installationId);
  const repositories = await client.paginate("GET /installation/repositories", { per_page: 100 });
  for (const repo of repositories as { full_name: string; id: number }[]) {
    await connect(deps, installationId, { fullName: repo.full_name, id: repo.id });
  }
}

/** The repository's id when the installation covers it, else null (the event is ignored). */
export async function coveredRepository(
  deps: WebhookWorkerDeps,
  installationId: number,
  fullName: string,
): Promise<number | null> {
  let row = await installationCovers(deps.db, installationId, fullName);
  if (!row && !(await installationKnown(deps.db, installationId))) {
    await syncInstallation(deps, installationId);
    row = await installationCovers(deps.db, installationId, fullName);
  }
  if (!row) return null;
  if (row.repositoryId !== null) return row.repositoryId;
  const { repository } = await addRepository(deps.db, deps.boss, split(fullName));
  return repository.id;
}

async function applyTask(deps: WebhookWorkerDeps, task: WebhookTask): Promise<{ status: string; note: string }> {
  if (task.kind === "installation") return { status: "done", note: await applyInstallation(deps, task) };
  const repositoryId = await coveredRepository(deps, task.installationId, task.repository);
  if (repositoryId === null) return { status: "ignored", note: "repository outside the installation" };
  if (task.kind === "reaudit") {
    const { queued } = await enqueueAudit(deps.db, deps.boss, repositoryId, task.trigger);
    return { status: "done", note: queued ? `audit queued (${task.trigger})` : "an audit was already queued" };
  }
  if (task.kind === "check_run") {
    const numbers = task.pullNumbers.length
      ? task.pullNumbers
      : await pullNumbersAtHead(deps.db, repositoryId, task.headSha);
    for (const number of numbers) {
      // A rerequest audits again even when the head was audited already.
      const job: PrAuditJob = { installationId: task.installationId, repository: task.repository, number, force: true };
      await deps.boss.send(QUEUES.prAudit, job, { singletonKey: prAuditKey(task.repository, number) });
    }
    return { status: "done", note: `re-audit of ${numbers.length} pull request(s) queued` };
  }
  return { status: "ignored", note: "pull requests go to the pr-audit queue" };
}

export async function processWebhookJob(deps: WebhookWorkerDeps, job: WebhookJob): Promise<void> {
  const row = await getDelivery(deps.db, job.deliveryRowId);
  // Already worked (the sweep may send a delivery twice): nothing to do.
  if (!row?.task || row.status !== "queued") return;
  const outcome = await applyTask(deps, row.task as WebhookTask);
  await setDeliveryStatus(deps.db, row.id, outcome.status, outcome.note);
}

interface PullJson {
  state: string;
  draft?: boolean;
  title: string;
  head: { sha: string };
  base: { sha: string; ref: string };
}

/** The PR as GitHub has it now: its head may be newer than the delivery's (one request). */
async function currentPull(deps: WebhookWorkerDeps, task: PullRequestTask) {
  const [owner = "", repo = ""] = task.repository.split("/");
  const { data } = await deps
    .appClient(task.installationId)
    .request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner, repo, pull_number: task.number });
  const pull = data as PullJson;
  return {
    open: pull.state === "open",
    task: {
      ...task,
      title: pull.title,
      draft: pull.draft === true,
      headSha: pull.head.sha,
      baseSha: pull.base.sha,
      baseRef: pull.base.ref,
    } satisfies PullRequestTask,
  };
}

/** Audits the PR's newest delivery once; returns its id (null: none) and what happened. */
async function auditNewest(deps: WebhookWorkerDeps, job: PrAuditJob): Promise<{ id: number | null; outcome: string }> {
  const delivery = await latestPullDelivery(deps.db, job.repository, job.number);
  const task = delivery?.task as PullRequestTask | undefined;
  // A check_run rerequest for a PR we have no delivery of: nothing to audit against.
  if (!delivery || task?.kind !== "pull_request") return { id: null, outcome: "no pull_request delivery" };
  const settle = (status: string, note: string) =>
    settlePullDeliveries(deps.db, job.repository, job.number, delivery.id, status, note);
  const repositoryId = await coveredRepository(deps, task.installationId, task.repository);
  if (repositoryId === null) {
    await settle("ignored", "repository outside the installation");
    return { id: delivery.id, outcome: "ignored" };
  }
  // Deliveries can arrive out of order: GitHub's view of the PR says which head is current.
  const current = await currentPull(deps, task);
  if (!current.open) {
    await settle("ignored", "pull request is not open");
    return { id: delivery.id, outcome: "closed" };
  }
  if (current.task.draft) {
    await settle("ignored", "draft pull request");
    return { id: delivery.id, outcome: "draft" };
  }
  const last = await lastPrAudit(deps.db, repositoryId, job.number);
  if (!job.force && last?.headSha === current.task.headSha && last.baseSha === current.task.baseSha) {
    await settle("done", "head already audited");
    return { id: delivery.id, outcome: "unchanged head" };
  }
  const result = await runPrAudit(deps, repositoryId, current.task);
  await settle("done", `comment ${result.comment}`);
  return { id: delivery.id, outcome: result.comment };
}

/**
 * A PR audit job. One audit per PR at a time, in any process: the job takes the PR's lock (no
 * transaction is held; GitHub calls run outside the database). A job that finds the lock taken
 * marks it dirty and ends; the holder then audits again, the newest delivery, before it lets go.
 * So deliveries that arrive during an audit are covered, and two audits never race to create
 * the sticky comment.
 */
export async function processPrAuditJob(deps: WebhookWorkerDeps, job: PrAuditJob): Promise<string> {
  const key = prAuditKey(job.repository, job.number);
  const holder = deps.holder ?? `${process.pid}-${Math.random().toString(36).slice(2)}`;
  if (!(await acquirePullLock(deps.db, key, holder, LOCK_LEASE_MS))) return "covered by the running audit";
  let last: { id: number | null; outcome: string } = { id: null, outcome: "nothing to audit" };
  try {
    for (;;) {
      const latest = await latestPullDelivery(deps.db, job.repository, job.number);
      // Woken by a delivery that the last run already audited (a redelivery, the sweep): done.
      if (latest && latest.id === last.id && latest.status !== "queued") {
        if ((await releasePullLock(deps.db, key, holder, LOCK_LEASE_MS)) === "again") continue;
        return last.outcome;
      }
      last = await auditNewest(deps, job);
      if ((await releasePullLock(deps.db, key, holder, LOCK_LEASE_MS)) !== "again") return last.outcome;
    }
  } catch (error) {
    // The job is retried by pg-boss; meanwhile the PR must not stay locked.
    await releasePullLock(deps.db, key, holder, 0).catch(() => undefined);
    throw error;
  }
}
