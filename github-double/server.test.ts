import { parse } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryCost } from "./graphql";
import { ACME_REPOSITORIES, seedAcme } from "./seed";
import { type GitHubDouble, startGitHubDouble } from "./server";
import { gitBlobSha } from "./world";

let double: GitHubDouble;
const auth = { authorization: "Bearer t1" };

beforeAll(async () => {
  double = await startGitHubDouble({ world: seedAcme({ now: new Date("2025-06-30T12:00:00Z") }) });
});
afterAll(async () => {
  await double.close();
});
afterEach(() => {
  double.clearFaults();
});

function gql(query: string, headers: Record<string, string> = auth) {
  return fetch(`${double.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query }) });
}

describe("conditional requests and rate-limit accounting", () => {
  it("answers a matching If-None-Match with 304 that costs nothing", async () => {
    const url = `${double.url}/repos/acme/ledger/git/trees/main?recursive=1`;
    const first = await fetch(url, { headers: { authorization: "token etag-test" } });
    const etag = first.headers.get("etag") ?? "";
    expect(first.headers.get("x-ratelimit-used")).toBe("1");
    const second = await fetch(url, { headers: { authorization: "token etag-test", "if-none-match": etag } });
    expect(second.status).toBe(304);
    expect(second.headers.get("x-ratelimit-used")).toBe("1");
    expect(double.log.at(-1)).toMatchObject({ status: 304, cost: 0 });
  });

  it("changes the ETag when the branch moves", async () => {
    const url = `${double.url}/repos/acme/brand-assets/git/trees/main?recursive=1`;
    const before = (await fetch(url, { headers: auth })).headers.get("etag") ?? "";
    double.world.commit("acme/brand-assets", {
      files: { "colors.md": "changed\n" },
      message: "Recolour",
      author: { name: "A", email: "a@acme.test" },
      at: "2025-06-30T13:00:00Z",
    });
    const after = await fetch(url, { headers: { ...auth, "if-none-match": before } });
    expect(after.status).toBe(200);
  });

  it("gives anonymous callers GitHub's 60 requests an hour, then 403 with remaining 0", async () => {
    const headers = { "x-forwarded-for": "1.2.3.4" };
    let last: Response | undefined;
    for (let i = 0; i < 61; i += 1) last = await fetch(`${double.url}/repos/acme/ledger`, { headers });
    expect(last?.status).toBe(403);
    expect(last?.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(last?.headers.get("x-ratelimit-limit")).toBe("60");
  });

  it("hides private repositories from anonymous callers", async () => {
    double.world.addRepo({ owner: "acme", name: "secret" }).private = true;
    double.world.commit("acme/secret", {
      files: { a: "1" },
      message: "a",
      author: { name: "A", email: "a@x" },
      at: "2025-01-01T00:00:00Z",
    });
    expect((await fetch(`${double.url}/repos/acme/secret`)).status).toBe(404);
    expect((await fetch(`${double.url}/repos/acme/secret`, { headers: { authorization: "token other" } })).status).toBe(
      200,
    );
  });
});

describe("faults", () => {
  it.each([
    [{ kind: "secondary-limit", retryAfter: 7 } as const, 403, "7"],
    [{ kind: "secondary-limit", retryAfter: 3, status: 429 } as const, 429, "3"],
    [{ kind: "status", status: 502 } as const, 502, null],
    [{ kind: "status", status: 451 } as const, 451, null],
  ])("%o answers %i", async (fault, status, retryAfter) => {
    double.inject({ fault, path: "/repos/acme/ledger", times: 1 });
    const res = await fetch(`${double.url}/repos/acme/ledger`, { headers: auth });
    expect(res.status).toBe(status);
    expect(res.headers.get("retry-after")).toBe(retryAfter);
    expect((await fetch(`${double.url}/repos/acme/ledger`, { headers: auth })).status).toBe(200);
  });

  it("truncates trees on request", async () => {
    double.inject({ fault: { kind: "truncate-tree", maxEntries: 3 }, path: "/git/trees/" });
    const body = (await (
      await fetch(`${double.url}/repos/acme/storefront/git/trees/main?recursive=1`, { headers: auth })
    ).json()) as {
      truncated: boolean;
      tree: unknown[];
    };
    expect(body).toMatchObject({ truncated: true });
    expect(body.tree).toHaveLength(3);
  });

  it("delays slow responses", async () => {
    double.inject({ fault: { kind: "slow", delayMs: 300 }, path: "/rate_limit", times: 1 });
    const started = performance.now();
    await fetch(`${double.url}/rate_limit`, { headers: auth });
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });
});

describe("GraphQL against GitHub's published schema", () => {
  it("rejects a field GitHub does not have", async () => {
    const body = (await (await gql('{ repository(owner:"acme", name:"ledger") { deployKeyz } }')).json()) as {
      errors: { message: string }[];
    };
    expect(body.errors[0]?.message).toMatch(/Cannot query field "deployKeyz"/);
  });

  it("requires authentication like GitHub", async () => {
    expect((await gql("{ rateLimit { cost } }", {})).status).toBe(401);
  });

  it("answers NOT_FOUND for a missing repository", async () => {
    const body = (await (await gql('{ repository(owner:"acme", name:"nope") { name } }')).json()) as {
      data: { repository: null };
      errors: { type: string }[];
    };
    expect(body.data.repository).toBeNull();
    expect(body.errors[0]?.type).toBe("NOT_FOUND");
  });

  it("serves blobs by oid with git's sha and flags binary and oversized blobs", async () => {
    double.world.commit("acme/brand-assets", {
      files: { "logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), "huge.sql": "x".repeat(1024 * 1024 + 1) },
      message: "Add assets",
      author: { name: "A", email: "a@acme.test" },
      at: "2025-06-30T14:00:00Z",
    });
    const readme = gitBlobSha("# Brand assets\n\nLogos, colours and type for Acme. Nothing here runs.\n");
    const png = gitBlobSha(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    const huge = gitBlobSha("x".repeat(1024 * 1024 + 1));
    const fields = "... on Blob { text byteSize isBinary isTruncated }";
    const res = await gql(
      `{ repository(owner:"acme", name:"brand-assets") { a: object(oid:"${readme}") { ${fields} } b: object(oid:"${png}") { ${fields} } c: object(oid:"${huge}") { ${fields} } } }`,
    );
    const { data } = (await res.json()) as {
      data: { repository: Record<string, { text: string | null; isBinary: boolean; isTruncated: boolean }> };
    };
    expect(data.repository.a?.text).toContain("Brand assets");
    expect(data.repository.b).toMatchObject({ isBinary: true, text: null });
    expect(data.repository.c).toMatchObject({ isTruncated: true, text: null });
  });

  it("charges GitHub's documented point cost", () => {
    // The docs' example: 1 + 100 + 100*50 = 5,101 requests -> 51 points.
    const doc = parse(
      "query($n: Int) { viewer { repositories(first: 100) { nodes { issues(first: $n) { nodes { labels(first: 10) { nodes { name } } } } } } } }",
    );
    expect(queryCost(doc, { n: 50 })).toBe(51);
    expect(queryCost(parse("{ rateLimit { cost } }"), {})).toBe(1);
  });
});

describe("seed", () => {
  it("creates the acme organisation with 26 weeks of history and different deploy styles", async () => {
    expect(ACME_REPOSITORIES).toHaveLength(6);
    const world = double.world;
    const storefront = world.repo("acme/storefront");
    const history = world.history(storefront);
    const oldest = Date.parse(history.at(-1)?.committedAt ?? "");
    expect(Date.parse("2025-06-30T12:00:00Z") - oldest).toBeGreaterThanOrEqual(26 * 7 * 86_400_000 - 1);
    expect(storefront.deployments.every((d) => d.creator.login === "dale-ops")).toBe(true);
    expect(world.repo("acme/checkout-api").deployments[0]?.creator.login).toBe("github-actions[bot]");
    expect(world.repo("acme/billing").releases.length).toBeGreaterThan(5);
    expect(world.repo("acme/brand-assets").deployments).toHaveLength(0);
  });
});
