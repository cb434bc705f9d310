import type PgBoss from "pg-boss";
import {
  addInstallationRepository,
  installationCovers,
  installationKnown,
  installationRepositoryNames,
  removeInstallationRepository,
} from "../db/queries/bot";
import { findRepository } from "../db/queries/repositories";
import { addRepository } from "../jobs/queue";
import type { InstallationTask, RepoEntry } from "../jobs/webhook-tasks";
import type { BotDeps } from "./pr-audit";

/**
 * The App's installations, as the bot's jobs see them. Every task first checks that the
 * repository belongs to the installation that sent it (an installation we never heard of is
 * synced once from `GET /installation/repositories`); anything else is ignored, never acted on.
 */

export interface WebhookWorkerDeps extends BotDeps {
  boss: PgBoss;
  /** Names this worker in PR locks (unique per job run). */
  holder?: string;
}

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

export async function applyInstallation(deps: WebhookWorkerDeps, task: InstallationTask): Promise<string> {
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
