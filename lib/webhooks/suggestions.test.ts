import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import { installationClients } from "../bot/app-client";
import { COMMENT_MARKER } from "../bot/comment";
import { suggestionMarker } from "../bot/suggestions";
import type { DatabaseHandle } from "../db/client";
import { prAudits, webhookDeliveries } from "../db/schema";
import { openTestDatabase } from "../db/test-database";
import { createBoss } from "../jobs/boss";
import { memoryCache } from "../sources/github/index";
import { startBotWorker } from "../workers/bot-worker";
import {
  appKey,
  INSTALLATION,
  pullRequestPayload,
  pushToPull,
  SECRET,
  shopWorld,
  signedRequest,
} from "./__fixtures__/shop";
import { createDispatcher, type Dispatcher } from "./dispatch";
import { receiveWebhook } from "./receive";

/**
 * One-click fixes through the whole path (issue 17 item 5): a signed delivery, the queue, the PR
 * audit against the GitHub double, and the review of ```suggestion comments it posts (or not).
 * The shop's prod runs PostgreSQL 16 (render.yaml).
 */

const NOW = new Date("2026-03-03T12:00:00Z");
const URL_ = "http://parity.test/api/github/webhooks";
let handle: DatabaseHandle & { url?: string };
let double: GitHubDouble;
let boss: PgBoss;
let dispatch: Dispatcher;

const CI = [
  "name: CI",
  "on: [push, pull_request]",
  "jobs:",
  "  test:",
  "    runs-on: ubuntu-latest",
  "    services:",
  "      postgres:",
  "        image: postgres:14",
  "        ports:",
  "          - 5432:5432",
  "    steps:",
  "      - uses: actions/checkout@v4",
  "      - run: npm test",
  "",
].join("\n");

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

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function deliver(event: string, payload: unknown) {
  const request = await signedRequest(URL_, event, payload);
  const delivery = request.headers.get("x-github-delivery") ?? "";
  const response = await receiveWebhook(request, { secret: SECRET, db: async () => handle.db, dispatch });
  expect(response.status).toBe(202);
  const rows = await until(
    () => handle.db.select().from(webhookDeliveries),
    (all) => all.some((r) => r.deliveryId === delivery && r.status !== "queued"),
  );
  return rows.find((r) => r.deliveryId === delivery);
}

function sendPull(action: "opened" | "synchronize", number: number, pr: { headSha: string; baseSha: string }) {
  return deliver(
    "pull_request",
    pullRequestPayload({ action, fullName: "acme/shop", number, headSha: pr.headSha, baseSha: pr.baseSha }),
  );
}

const shop = () => double.world.repo("acme/shop");
const reviews = (number: number) => shop().reviews.filter((r) => r.pullNumber === number);
const reviewComments = (number: number) => shop().reviewComments.filter((c) => c.pullNumber === number);
const stickies = (number: number) =>
  shop().comments.filter((c) => c.issueNumber === number && c.body.includes(COMMENT_MARKER));
const reviewPosts = (number: number) =>
  double.log.filter((r) => r.method === "POST" && r.path.startsWith(`/repos/acme/shop/pulls/${number}/reviews`));
const audits = async (number: number) => (await handle.db.select().from(prAudits)).filter((r) => r.number === number);

describe("one-click fixes on pull requests", () => {
  it("suggests postgres:16 on the line where a PR adds postgres:14 to CI", async () => {
    const pr = pushToPull(double.world, "acme/shop", 21, { ".github/workflows/ci.yml": CI });
    double.resetLog();
    const row = await sendPull("opened", 21, pr);
    expect(row?.status).toBe("done");

    expect(reviews(21)).toHaveLength(1);
    expect(reviews(21)[0]).toMatchObject({ state: "COMMENTED", commitId: pr.headSha });
    const comments = reviewComments(21);
    expect(comments).toHaveLength(1);
    const [comment] = comments;
    expect(comment).toMatchObject({ path: ".github/workflows/ci.yml", line: 8, startLine: null, side: "RIGHT" });
    expect(CI.split("\n")[7]).toBe("        image: postgres:14");
    expect(comment?.body).toContain("```suggestion\n        image: postgres:16\n```");
    expect(comment?.body).toContain("PostgreSQL 14 in ci, PostgreSQL 16 in prod");
    const [audit] = await audits(21);
    const delta = audit?.delta as { newFindings: { fingerprint: string; check: string }[] } | undefined;
    const finding = delta?.newFindings.find((f) => f.check === "ci-services");
    expect(comment?.body.startsWith(suggestionMarker(finding?.fingerprint ?? "?"))).toBe(true);
    // Still one sticky comment and one check run.
    expect(stickies(21)).toHaveLength(1);
    expect(shop().checkRuns.filter((r) => r.headSha === pr.headSha)).toHaveLength(1);
    expect(reviewPosts(21)).toHaveLength(1);
  });

  it("posts no second review when the same head is audited again", async () => {
    const pull = shop().pulls.find((p) => p.number === 21);
    const before = (await audits(21)).length;
    double.resetLog();
    const row = await deliver("check_run", {
      action: "rerequested",
      installation: { id: INSTALLATION },
      repository: pullRequestPayload({ action: "opened", fullName: "acme/shop", number: 21, headSha: "", baseSha: "" })
        .repository,
      check_run: { head_sha: pull?.headSha, pull_requests: [{ number: 21 }] },
    });
    expect(row?.status).toBe("done");
    await until(
      () => audits(21),
      (rows) => rows.length > before,
    );
    // The re-run read the PR's review comments, found its marker, and posted nothing.
    expect((await audits(21)).length).toBe(before + 1);
    expect(double.log.some((r) => r.method === "GET" && r.path.startsWith("/repos/acme/shop/pulls/21/comments"))).toBe(
      true,
    );
    expect(reviewPosts(21)).toHaveLength(0);
    expect(reviews(21)).toHaveLength(1);
  });

  it("does not repeat a suggestion when a later push leaves the finding as it was", async () => {
    const pr = pushToPull(double.world, "acme/shop", 21, { "README.md": "# shop\n\nCI runs the tests.\n" });
    double.resetLog();
    await sendPull("synchronize", 21, pr);
    expect(reviewPosts(21)).toHaveLength(0);
    expect(reviews(21)).toHaveLength(1);
    expect(stickies(21)).toHaveLength(1);
  });

  it("posts no review for a PR whose new findings have no fix, nor for one that changes nothing", async () => {
    const engine = pushToPull(double.world, "acme/shop", 22, {
      "docker-compose.yml": "services:\n  db:\n    image: mysql:8\n  cache:\n    image: redis:7.2\n",
    });
    const readme = pushToPull(double.world, "acme/shop", 23, { "README.md": "# shop\n\nTypo.\n" });
    double.resetLog();
    await sendPull("opened", 22, engine);
    await sendPull("opened", 23, readme);
    expect(stickies(22)).toHaveLength(1);
    expect(stickies(23)).toHaveLength(0);
    for (const number of [22, 23]) {
      expect(reviews(number)).toHaveLength(0);
      // Nothing to suggest: not even a read of the PR's review comments.
      const paths = double.log
        .filter((r) => r.path.startsWith(`/repos/acme/shop/pulls/${number}/`))
        .map((r) => r.path.split("?")[0]);
      expect(paths).toEqual([`/repos/acme/shop/pulls/${number}/files`]);
    }
  });
});
