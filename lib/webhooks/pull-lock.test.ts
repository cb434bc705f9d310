import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { acquirePullLock, recordDelivery, releasePullLock, settlePullDeliveries } from "../db/queries/bot";
import { webhookDeliveries } from "../db/schema";
import { openTestDatabase } from "../db/test-database";
import { createBoss, ensureQueues, QUEUES } from "../jobs/boss";

/** The PR lock's protocol (lib/workers/pr-audit-job.ts): one audit per PR, no delivery left behind. */

let handle: DatabaseHandle & { url?: string };
const LEASE = 60_000;

beforeAll(async () => {
  handle = await openTestDatabase();
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

describe("the PR lock", () => {
  it("lets one holder in, marks it dirty for the others, and hands over only when clean", async () => {
    const key = "acme/shop#1";
    expect(await acquirePullLock(handle.db, key, "a", LEASE)).toBe(true);
    expect(await acquirePullLock(handle.db, key, "b", LEASE)).toBe(false);
    expect(await acquirePullLock(handle.db, key, "c", LEASE)).toBe(false);
    // b and c arrived during a's run: a runs once more (clean now), then lets go.
    expect(await releasePullLock(handle.db, key, "a", LEASE)).toBe("again");
    expect(await releasePullLock(handle.db, key, "a", LEASE)).toBe("released");
    expect(await acquirePullLock(handle.db, key, "b", LEASE)).toBe(true);
    expect(await releasePullLock(handle.db, key, "b", LEASE)).toBe("released");
  });

  it("lets a lapsed lease (a crashed holder) be taken over, and the old holder learns it lost", async () => {
    const key = "acme/shop#2";
    expect(await acquirePullLock(handle.db, key, "crashed", 0)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await acquirePullLock(handle.db, key, "next", LEASE)).toBe(true);
    expect(await releasePullLock(handle.db, key, "crashed", LEASE)).toBe("lost");
    expect(await releasePullLock(handle.db, key, "next", LEASE)).toBe("released");
  });

  it("keeps separate PRs apart", async () => {
    expect(await acquirePullLock(handle.db, "acme/shop#3", "x", LEASE)).toBe(true);
    expect(await acquirePullLock(handle.db, "acme/shop#4", "y", LEASE)).toBe(true);
    expect(await releasePullLock(handle.db, "acme/shop#3", "x", LEASE)).toBe("released");
    expect(await releasePullLock(handle.db, "acme/shop#4", "y", LEASE)).toBe("released");
  });
});

describe("settling a PR's deliveries after an audit", () => {
  it("marks the audited delivery, coalesces earlier queued ones, and leaves later ones queued", async () => {
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      const row = await recordDelivery(handle.db, {
        deliveryId: `settle-${n}`,
        event: "pull_request",
        action: "synchronize",
        installationId: 42,
        repository: "Acme/Shop",
        pullNumber: 5,
        task: { kind: "pull_request" },
        status: "queued",
      });
      ids.push(row?.id ?? 0);
    }
    await settlePullDeliveries(handle.db, "acme/shop", 5, ids[1] ?? 0, "done", "comment created");
    const rows = (await handle.db.select().from(webhookDeliveries)).filter((r) => r.deliveryId.startsWith("settle-"));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0] ?? 0)).toMatchObject({ status: "coalesced" });
    expect(byId.get(ids[1] ?? 0)).toMatchObject({ status: "done", note: "comment created" });
    expect(byId.get(ids[2] ?? 0)).toMatchObject({ status: "queued" });
  });
});

describe("the pr-audit queue", () => {
  it("holds at most one queued job per PR, and an older stately queue is moved to that policy", async () => {
    const boss = await createBoss(handle, { url: handle.url });
    try {
      await boss.updateQueue(QUEUES.prAudit, { name: QUEUES.prAudit, policy: "stately" });
      await ensureQueues(boss);
      expect(await boss.getQueue(QUEUES.prAudit)).toMatchObject({ policy: "short" });
      const job = { installationId: 42, repository: "acme/shop", number: 9 };
      expect(await boss.send(QUEUES.prAudit, job, { singletonKey: "acme/shop#9" })).toBeTruthy();
      expect(await boss.send(QUEUES.prAudit, job, { singletonKey: "acme/shop#9" })).toBeNull();
      expect(await boss.send(QUEUES.prAudit, job, { singletonKey: "acme/shop#10" })).toBeTruthy();
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
