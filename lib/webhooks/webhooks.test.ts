import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import { installationClients } from "../bot/app-client";
import { COMMENT_MARKER } from "../bot/comment";
import type { DatabaseHandle } from "../db/client";
import { findRepository } from "../db/queries/repositories";
import { prAudits, webhookDeliveries } from "../db/schema";
import { openTestDatabase } from "../db/test-database";
import { createBoss } from "../jobs/boss";
import { memoryCache } from "../sources/github/index";
import { startBotWorker } from "../workers/bot-worker";
import {
  appKey,
  INSTALLATION,
  installationRepositoriesPayload,
  pullRequestPayload,
  pushToPull,
  SECRET,
  shopWorld,
  signedRequest,
} from "./__fixtures__/shop";
import { createDispatcher, type Dispatcher } from "./dispatch";
import { receiveWebhook } from "./receive";

const NOW = new Date("2026-03-03T12:00:00Z");
const URL_ = "http://parity.test/api/github/webhooks";
let handle: DatabaseHandle & { url?: string };
let double: GitHubDouble;
let boss: PgBoss;
let dispatch: Dispatcher;

beforeAll(async () => {
  handle = await openTestDatabase();
  double = await startGitHubDouble({ world: shopWorld() });
  boss = await createBoss(handle, { url: handle.url, pollingIntervalSeconds: 0.5 });
  dispatch = createDispatcher(async () => boss, { delayMs: 0 });
  await startBotWorker(
    boss,
    {
      db: handle.db,
      appClient: installationClients(double.url, { appId: "1", privateKey: appKey() }),
      gate: "high",
      serverUrl: "https://github.com",
      now: () => NOW,
      cache: memoryCache(),
    },
    { pollingIntervalSeconds: 0.5, concurrency: 2 },
  );
}, 60_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await double?.close();
  await handle?.close();
});

function deliver(request: Request): Promise<Response> {
  return receiveWebhook(request, { secret: SECRET, db: async () => handle.db, dispatch });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function settled(deliveryId: string) {
  const rows = await until(
    () => handle.db.select().from(webhookDeliveries),
    (all) => all.some((r) => r.deliveryId === deliveryId && r.status !== "queued"),
  );
  return rows.find((r) => r.deliveryId === deliveryId);
}

function pullRequest(action: "opened" | "synchronize", number: number, headSha: string, baseSha: string) {
  return signedRequest(
    URL_,
    "pull_request",
    pullRequestPayload({ action, fullName: "acme/shop", number, headSha, baseSha }),
  );
}

async function sendPull(
  action: "opened" | "synchronize",
  number: number,
  headSha: string,
  baseSha: string,
  extra = {},
) {
  const request = await signedRequest(
    URL_,
    "pull_request",
    pullRequestPayload({ action, fullName: "acme/shop", number, headSha, baseSha, ...extra }),
  );
  const delivery = request.headers.get("x-github-delivery") ?? "";
  const response = await deliver(request);
  expect(response.status).toBe(202);
  return { delivery, row: await settled(delivery) };
}

const writes = (path: string) =>
  double.log.filter((r) => r.method !== "GET" && r.path.startsWith(path) && !r.path.includes("access_tokens"));
const stickies = (number: number) =>
  double.world.repo("acme/shop").comments.filter((c) => c.issueNumber === number && c.body.includes(COMMENT_MARKER));

describe("the PR bot against the GitHub double", () => {
  it("turns a signed pull_request into exactly one comment and one check run with annotations", async () => {
    const pr = pushToPull(double.world, "acme/shop", 7, {
      "docker-compose.yml":
        "services:\n  db:\n    image: mysql:8\n    environment:\n      MYSQL_PASSWORD: hunter2-very-secret\n  cache:\n    image: redis:7.2\n",
    });
    double.resetLog();
    const { row } = await sendPull("opened", 7, pr.headSha, pr.baseSha);
    expect(row?.status).toBe("done");
    const comments = stickies(7);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? "";
    expect(body).toContain("1 new finding");
    expect(body).toContain("[docker-compose.yml:3](https://github.com/acme/shop/blob/pr-7/docker-compose.yml#L3)");
    expect(body).not.toContain("hunter2");
    const runs = double.world.repo("acme/shop").checkRuns.filter((r) => r.headSha === pr.headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: "Parity", status: "completed", conclusion: "failure" });
    const annotations =
      (runs[0]?.output as { annotations: { path: string; start_line: number }[] } | undefined)?.annotations ?? [];
    expect(annotations).toContainEqual(expect.objectContaining({ path: "docker-compose.yml", start_line: 3 }));
    expect(JSON.stringify(runs[0]?.output)).not.toContain("hunter2");
    expect(writes("/repos/acme/shop/issues")).toHaveLength(1);
    // Beyond the base snapshot: the PR's files and one query for the changed blobs.
    expect(double.log.filter((r) => r.path.startsWith("/repos/acme/shop/pulls/7/files"))).toHaveLength(1);
  });

  it("sends no edit when a synchronize changes nothing about parity", async () => {
    const pr = pushToPull(double.world, "acme/shop", 7, { "README.md": "# shop\n\nNow with docs.\n" });
    double.resetLog();
    const { row } = await sendPull("synchronize", 7, pr.headSha, pr.baseSha);
    expect(row?.note).toBe("comment unchanged");
    expect(writes("/repos/acme/shop/issues")).toHaveLength(0);
    expect(double.log.filter((r) => r.path.includes("/issues/7/comments"))).toHaveLength(0);
    expect(writes("/repos/acme/shop/check-runs")).toHaveLength(1);
  });

  it("edits the one comment when a push changes parity again", async () => {
    const pr = pushToPull(double.world, "acme/shop", 7, {
      "docker-compose.yml": "services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:6\n",
    });
    double.resetLog();
    await sendPull("synchronize", 7, pr.headSha, pr.baseSha);
    expect(writes("/repos/acme/shop/issues").map((r) => r.method)).toEqual(["PATCH"]);
    const comments = stickies(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).not.toContain("MySQL");
  });

  it("posts nothing for a PR that changes nothing about parity (comment: changes)", async () => {
    const pr = pushToPull(double.world, "acme/shop", 8, { "README.md": "# shop\n\nTypo.\n" });
    double.resetLog();
    const { row } = await sendPull("opened", 8, pr.headSha, pr.baseSha);
    expect(row?.note).toBe("comment skipped");
    expect(stickies(8)).toHaveLength(0);
    expect(writes("/repos/acme/shop/check-runs")).toHaveLength(1);
  });

  it("keeps exactly one comment when deliveries for a PR arrive while its audit runs", async () => {
    const first = pushToPull(double.world, "acme/shop", 12, {
      "docker-compose.yml": "services:\n  db:\n    image: mysql:8\n  cache:\n    image: redis:7.2\n",
    });
    // Each audit of PR 12 takes 1.5 s: the later deliveries land while one runs.
    double.inject({ fault: { kind: "slow", delayMs: 1500 }, path: "/pulls/12/files" });
    double.resetLog();
    const heads = [first.headSha];
    const sent = [await deliver(await pullRequest("opened", 12, first.headSha, first.baseSha))];
    for (const image of ["mysql:5.7", "mariadb:10", "postgres:15"]) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const pr = pushToPull(double.world, "acme/shop", 12, {
        "docker-compose.yml": `services:\n  db:\n    image: ${image}\n  cache:\n    image: redis:7.2\n`,
      });
      heads.push(pr.headSha);
      sent.push(await deliver(await pullRequest("synchronize", 12, pr.headSha, pr.baseSha)));
    }
    expect(sent.map((r) => r.status)).toEqual([202, 202, 202, 202]);
    const finalHead = heads[heads.length - 1];
    const audits = await until(
      () => handle.db.select().from(prAudits),
      (rows) => rows.some((r) => r.number === 12 && r.headSha === finalHead),
      60_000,
    );
    double.clearFaults();
    const mine = audits.filter((r) => r.number === 12);
    // Coalesced: fewer audits than deliveries, the last of the final head, never two creations.
    expect(mine.length).toBeLessThan(4);
    expect(mine.map((r) => r.commentAction).filter((a) => a === "created")).toHaveLength(1);
    expect(stickies(12)).toHaveLength(1);
    expect(double.log.filter((r) => r.method === "POST" && r.path.endsWith("/issues/12/comments"))).toHaveLength(1);
    // The final audit's row lands a moment before its delivery is marked done: wait for the marks.
    const settled = (r: { status: string }) => r.status === "done" || r.status === "coalesced";
    const rows = await until(
      async () => (await handle.db.select().from(webhookDeliveries)).filter((r) => r.pullNumber === 12),
      (found) => found.every(settled),
      10_000,
    );
    expect(rows.map((r) => r.status).sort()).toEqual(expect.arrayContaining(["done"]));
    expect(rows.every(settled)).toBe(true);
  }, 90_000);

  it("audits the PR's current head when deliveries arrive out of order", async () => {
    const older = pushToPull(double.world, "acme/shop", 13, {
      "docker-compose.yml": "services:\n  db:\n    image: mysql:8\n  cache:\n    image: redis:7.2\n",
    });
    const newer = pushToPull(double.world, "acme/shop", 13, {
      "docker-compose.yml": "services:\n  db:\n    image: mariadb:11\n  cache:\n    image: redis:7.2\n",
    });
    await sendPull("synchronize", 13, newer.headSha, newer.baseSha);
    // The older push's delivery comes last: it must not put the PR back on the older head.
    const { row } = await sendPull("opened", 13, older.headSha, older.baseSha);
    expect(row).toMatchObject({ status: "done", note: "head already audited" });
    const audits = (await handle.db.select().from(prAudits)).filter((r) => r.number === 13);
    expect(audits.map((r) => r.headSha)).toEqual([newer.headSha]);
    expect(stickies(13)).toHaveLength(1);
    expect(stickies(13)[0]?.body).toContain("MariaDB");
  });

  it("answers a bad signature with 401 and processes nothing", async () => {
    const payload = pullRequestPayload({
      action: "opened",
      fullName: "acme/shop",
      number: 9,
      headSha: "a".repeat(40),
      baseSha: "b".repeat(40),
    });
    const request = await signedRequest(URL_, "pull_request", payload, { secret: "not-the-secret-0123456789" });
    const before = double.requestCount;
    const response = await deliver(request);
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(double.requestCount).toBe(before);
    const rows = await handle.db.select().from(webhookDeliveries);
    expect(rows.some((r) => r.deliveryId === request.headers.get("x-github-delivery"))).toBe(false);
  });

  it("rejects a body over the limit with 413", async () => {
    const request = await signedRequest(URL_, "ping", { zen: "x".repeat(2000) });
    const response = await receiveWebhook(request, {
      secret: SECRET,
      db: async () => handle.db,
      dispatch,
      maxBytes: 1000,
    });
    expect(response.status).toBe(413);
  });

  it("treats a redelivery as a no-op", async () => {
    const pr = pushToPull(double.world, "acme/shop", 10, {
      "docker-compose.yml": "services:\n  db:\n    image: postgres:13\n  cache:\n    image: redis:7.2\n",
    });
    const { delivery } = await sendPull("opened", 10, pr.headSha, pr.baseSha);
    expect(stickies(10)).toHaveLength(1);
    double.resetLog();
    const again = await signedRequest(
      URL_,
      "pull_request",
      pullRequestPayload({
        action: "opened",
        fullName: "acme/shop",
        number: 10,
        headSha: pr.headSha,
        baseSha: pr.baseSha,
      }),
      { delivery },
    );
    const response = await deliver(again);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "duplicate" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(double.log.filter((r) => r.method !== "GET")).toHaveLength(0);
    expect(stickies(10)).toHaveLength(1);
  });

  it("audits a fork PR through the installation token", async () => {
    const pr = pushToPull(double.world, "acme/shop", 11, {
      "docker-compose.yml": "services:\n  db:\n    image: mariadb:11\n  cache:\n    image: redis:7.2\n",
    });
    const { row } = await sendPull("opened", 11, pr.headSha, pr.baseSha, { headRepository: "outsider/shop" });
    expect(row?.status).toBe("done");
    expect(stickies(11)[0]?.body).toContain("https://github.com/outsider/shop/blob/pr-11/docker-compose.yml#L3");
    const [audit] = (await handle.db.select().from(prAudits)).filter((r) => r.number === 11);
    expect(audit).toMatchObject({ headRepository: "outsider/shop", status: "succeeded" });
  });

  it("ignores events for repositories outside the installation", async () => {
    const pr = pushToPull(double.world, "acme/other", 3, {
      "docker-compose.yml": "services:\n  db:\n    image: mysql:8\n",
    });
    double.resetLog();
    const request = await signedRequest(
      URL_,
      "pull_request",
      pullRequestPayload({
        action: "opened",
        fullName: "acme/other",
        number: 3,
        headSha: pr.headSha,
        baseSha: pr.baseSha,
      }),
    );
    expect((await deliver(request)).status).toBe(202);
    const row = await settled(request.headers.get("x-github-delivery") ?? "");
    expect(row).toMatchObject({ status: "ignored", note: "repository outside the installation" });
    expect(double.log.filter((r) => r.path.startsWith("/repos/acme/other"))).toHaveLength(0);
  });

  it("adds and removes repositories with installation_repositories", async () => {
    double.world.addRepo({ owner: "acme", name: "billing", installationId: INSTALLATION });
    const add = await signedRequest(
      URL_,
      "installation_repositories",
      installationRepositoriesPayload({
        action: "added",
        installationId: INSTALLATION,
        repositories: ["acme/billing"],
      }),
    );
    expect((await deliver(add)).status).toBe(202);
    await settled(add.headers.get("x-github-delivery") ?? "");
    expect(await findRepository(handle.db, { owner: "acme", name: "billing" })).not.toBeNull();
    const remove = await signedRequest(
      URL_,
      "installation_repositories",
      installationRepositoriesPayload({
        action: "removed",
        installationId: INSTALLATION,
        repositories: ["acme/billing"],
      }),
    );
    await deliver(remove);
    await settled(remove.headers.get("x-github-delivery") ?? "");
    expect(await findRepository(handle.db, { owner: "acme", name: "billing" })).toBeNull();
  });
});
