import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { recordDelivery } from "../db/queries/bot";
import { webhookDeliveries } from "../db/schema";
import { openTestDatabase } from "../db/test-database";
import { sweepDeliveries } from "../workers/bot-worker";
import { createDispatcher } from "./dispatch";

/** A queue that records sends and can be told to fail. */
function fakeBoss() {
  const sent: { queue: string; data: unknown; key?: string }[] = [];
  let failures = 0;
  const boss = {
    async send(queue: string, data: unknown, options?: { singletonKey?: string }) {
      if (failures > 0) {
        failures -= 1;
        throw new Error("connection refused");
      }
      sent.push({ queue, data, ...(options?.singletonKey ? { key: options.singletonKey } : {}) });
      return "job-id";
    },
  };
  return { boss: boss as unknown as PgBoss, sent, fail: (n: number) => (failures = n) };
}

const job = (number: number) => ({ installationId: 42, repository: "acme/shop", number });

describe("the dispatcher", () => {
  it("sends one PR-audit job per PR for a burst, and each other delivery once", async () => {
    const fake = fakeBoss();
    const dispatch = createDispatcher(async () => fake.boss, { delayMs: 10_000 });
    for (let i = 0; i < 5; i += 1) dispatch.pull(job(1));
    dispatch.pull(job(2));
    dispatch.delivery({ deliveryRowId: 7 });
    dispatch.delivery({ deliveryRowId: 8 });
    await dispatch.flush();
    expect(fake.sent.map((s) => [s.queue, s.key ?? s.data])).toEqual([
      ["pr-audit", "acme/shop#1"],
      ["pr-audit", "acme/shop#2"],
      ["webhook", { deliveryRowId: 7 }],
      ["webhook", { deliveryRowId: 8 }],
    ]);
  });

  it("keeps what the queue refused and sends it on the retry", async () => {
    const fake = fakeBoss();
    const dispatch = createDispatcher(async () => fake.boss, { delayMs: 10_000, retryMs: 20 });
    fake.fail(1);
    dispatch.pull(job(3));
    await dispatch.flush();
    expect(fake.sent).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.sent.map((s) => s.key)).toEqual(["acme/shop#3"]);
  });
});

describe("the sweep", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("sends again what a crash dropped between the answer and the send, once per PR", async () => {
    const old = new Date(Date.now() - 10 * 60_000);
    const rows = [
      { id: "s1", event: "pull_request", pull: 4, task: { kind: "pull_request", ...job(4) }, status: "queued" },
      { id: "s2", event: "pull_request", pull: 4, task: { kind: "pull_request", ...job(4) }, status: "queued" },
      { id: "s3", event: "push", pull: null, task: { kind: "reaudit" }, status: "queued" },
      { id: "s4", event: "pull_request", pull: 5, task: { kind: "pull_request", ...job(5) }, status: "done" },
    ];
    const ids = new Map<string, number>();
    for (const r of rows) {
      const row = await recordDelivery(handle.db, {
        deliveryId: r.id,
        event: r.event,
        action: null,
        installationId: 42,
        repository: "acme/shop",
        pullNumber: r.pull,
        task: r.task,
        status: r.status,
      });
      ids.set(r.id, row?.id ?? 0);
    }
    await handle.db.update(webhookDeliveries).set({ receivedAt: old });
    // A fresh delivery is the dispatcher's, not the sweep's.
    await recordDelivery(handle.db, {
      deliveryId: "s5",
      event: "pull_request",
      action: null,
      installationId: 42,
      repository: "acme/shop",
      pullNumber: 6,
      task: { kind: "pull_request", ...job(6) },
      status: "queued",
    });
    const fake = fakeBoss();
    const db = handle.db;
    const deps = { db, appClient: () => ({}) as never, gate: "high" as const, serverUrl: "https://github.com" };
    expect(await sweepDeliveries(fake.boss, deps, 60_000)).toBe(3);
    expect(fake.sent.map((s) => [s.queue, s.key ?? s.data])).toEqual([
      ["webhook", { deliveryRowId: ids.get("s3") }],
      ["pr-audit", "acme/shop#4"],
    ]);
  });
});
