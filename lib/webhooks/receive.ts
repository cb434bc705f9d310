import { verify } from "@octokit/webhooks-methods";
import type { Database } from "../db/client";
import { recordDelivery } from "../db/queries/bot";
import { refuse } from "../errors/index";
import { BodyTooLarge, BodyUnfinished, readCapped } from "../security/read-capped";
import type { Dispatcher } from "./dispatch";
import { deliveryFacts, routeEvent } from "./route-event";

/**
 * `POST /api/github/webhooks`: size limit, `X-Hub-Signature-256` on the raw bytes before any
 * parsing, then one statement: the insert of the delivery (the unique `X-GitHub-Delivery` makes a
 * redelivery a no-op), which is the durable record of the work. Answers 202 right after it; the
 * dispatcher sends the job a moment later (a burst for one PR becomes one send), and the worker's
 * sweep sends any that a crash dropped. Nothing else touches the database before the answer: on
 * the embedded PGlite every statement runs on this process's one thread.
 */

/** GitHub caps payloads at 25 MB; ours (installation lists included) stay far below 5 MB. */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

export interface WebhookDeps {
  secret: string | undefined;
  db: () => Promise<Database>;
  dispatch: Dispatcher;
  maxBytes?: number;
  /** Called with each step's duration (profiling: the webhook bench reports where time goes). */
  onTiming?: (step: string, ms: number) => void;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

async function timed<T>(deps: WebhookDeps, step: string, work: () => Promise<T>): Promise<T> {
  if (!deps.onTiming) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    deps.onTiming(step, performance.now() - start);
  }
}

export async function receiveWebhook(request: Request, deps: WebhookDeps): Promise<Response> {
  const secret = deps.secret;
  if (!secret) {
    return refuse("not_configured", "Webhooks are off: set GITHUB_WEBHOOK_SECRET (see docs/github-app.md).");
  }
  let raw: string;
  try {
    raw = await timed(deps, "read", () => readCapped(request, deps.maxBytes ?? MAX_WEBHOOK_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLarge) return refuse("too_large", "The payload is larger than Parity accepts.");
    if (error instanceof BodyUnfinished) return refuse("bad_request", "The payload did not arrive in full.");
    throw error;
  }
  const signature = request.headers.get("x-hub-signature-256") ?? "";
  const valid =
    signature.startsWith("sha256=") &&
    (await timed(deps, "verify", () => verify(secret, raw, signature).catch(() => false)));
  if (!valid) return refuse("unauthorized", "X-Hub-Signature-256 does not match the payload.");
  const event = request.headers.get("x-github-event");
  const deliveryId = request.headers.get("x-github-delivery");
  if (!event || !deliveryId) return refuse("bad_request", "X-GitHub-Event and X-GitHub-Delivery are required.");
  let payload: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    payload = parsed as Record<string, unknown>;
  } catch {
    return refuse("bad_request", "The payload is not a JSON object.");
  }

  const routed = routeEvent(event, payload);
  const facts = deliveryFacts(payload);
  const db = await deps.db();
  const task = "task" in routed ? routed.task : null;
  const row = await timed(deps, "insert", () =>
    recordDelivery(db, {
      deliveryId,
      event,
      ...facts,
      task,
      status: task ? "queued" : "ignored",
      note: "ignore" in routed ? routed.ignore : null,
    }),
  );
  if (!row) return json(200, { delivery: deliveryId, status: "duplicate" });
  if (!task) return json(202, { delivery: deliveryId, status: "ignored" });
  if (task.kind === "pull_request") {
    deps.dispatch.pull({ installationId: task.installationId, repository: task.repository, number: task.number });
  } else {
    deps.dispatch.delivery({ deliveryRowId: row.id });
  }
  return json(202, { delivery: deliveryId, status: "queued" });
}
