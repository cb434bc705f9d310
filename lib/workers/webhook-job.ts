import { getDelivery, pullNumbersAtHead, setDeliveryStatus } from "../db/queries/bot";
import { enqueuePrAudit, type WebhookJob } from "../jobs/bot-queue";
import { enqueueAudit } from "../jobs/queue";
import type { WebhookTask } from "../jobs/webhook-tasks";
import { applyInstallation, coveredRepository, type WebhookWorkerDeps } from "./installations";

/**
 * A webhook job: one recorded delivery other than a pull request's (installations, pushes and
 * deployments to the default branch, check runs rerequested), applied once.
 */

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
      await enqueuePrAudit(deps.boss, {
        installationId: task.installationId,
        repository: task.repository,
        number,
        force: true,
      });
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
