import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validator } from "./__tests__/openapi";
import { seedAcme } from "./seed";
import { type GitHubDouble, startGitHubDouble } from "./server";

/**
 * Every REST body the double sends is validated against the operation's success schema in
 * GitHub's own OpenAPI description (@octokit/openapi), so the double cannot drift from the API.
 */

let double: GitHubDouble;
const headers = { authorization: "token test-token", accept: "application/vnd.github+json" };

beforeAll(async () => {
  double = await startGitHubDouble({ world: seedAcme({ now: new Date("2025-06-30T12:00:00Z") }) });
});
afterAll(async () => {
  await double.close();
});

async function getJson(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${double.url}${path}`, { ...init, headers: { ...headers, ...(init.headers ?? {}) } });
  return { status: res.status, body: await res.json() };
}

describe("REST responses match GitHub's OpenAPI description", () => {
  const storefront = "/repos/acme/storefront";
  it.each([
    ["/repos/{owner}/{repo}", storefront],
    ["/repos/{owner}/{repo}/git/trees/{tree_sha}", `${storefront}/git/trees/main?recursive=1`],
    ["/repos/{owner}/{repo}/commits", `${storefront}/commits?per_page=5`],
    ["/repos/{owner}/{repo}/deployments", `${storefront}/deployments?per_page=5`],
    ["/repos/{owner}/{repo}/actions/runs", `${storefront}/actions/runs?branch=main&status=success&per_page=5`],
    ["/repos/{owner}/{repo}/releases", "/repos/acme/billing/releases?per_page=3"],
    ["/repos/{owner}/{repo}/tags", "/repos/acme/billing/tags"],
    ["/repos/{owner}/{repo}/contents/{path}", `${storefront}/contents/config/database.yml`],
    ["/repos/{owner}/{repo}/contents/{path}", `${storefront}/contents/config`],
    ["/repos/{owner}/{repo}/pulls/{pull_number}", `${storefront}/pulls/2`],
    ["/repos/{owner}/{repo}/pulls/{pull_number}/files", `${storefront}/pulls/2/files`],
    ["/rate_limit", "/rate_limit"],
  ])("GET %s (%s)", async (operation, path) => {
    const { status, body } = await getJson(path);
    expect(status).toBe(200);
    const validate = validator("get", operation, "200");
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("serves blobs and deployment statuses in GitHub's shapes", async () => {
    const tree = (await getJson(`${storefront}/git/trees/main?recursive=1`)).body as {
      tree: { path: string; sha: string }[];
    };
    const sha = tree.tree.find((e) => e.path === "config/database.yml")?.sha;
    const blob = await getJson(`${storefront}/git/blobs/${sha}`);
    const validateBlob = validator("get", "/repos/{owner}/{repo}/git/blobs/{file_sha}", "200");
    expect(validateBlob(blob.body), JSON.stringify(validateBlob.errors)).toBe(true);
    const content = Buffer.from((blob.body as { content: string }).content, "base64").toString("utf8");
    expect(content).toContain("adapter: sqlite3");

    const deployments = (await getJson(`${storefront}/deployments?per_page=1`)).body as { id: number }[];
    const statuses = await getJson(`${storefront}/deployments/${deployments[0]?.id}/statuses`);
    const validateStatuses = validator("get", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses", "200");
    expect(validateStatuses(statuses.body), JSON.stringify(validateStatuses.errors?.slice(0, 3))).toBe(true);
  });

  it("creates and updates issue comments and check runs in GitHub's shapes", async () => {
    const post = (path: string, body: unknown, method = "POST") =>
      getJson(path, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    const created = await post(`${storefront}/issues/2/comments`, { body: "<!-- parity --> hello" });
    expect(created.status).toBe(201);
    const validateComment = validator("post", "/repos/{owner}/{repo}/issues/{issue_number}/comments", "201");
    expect(validateComment(created.body), JSON.stringify(validateComment.errors)).toBe(true);
    const id = (created.body as { id: number }).id;
    const updated = await post(`${storefront}/issues/comments/${id}`, { body: "edited" }, "PATCH");
    expect((updated.body as { body: string }).body).toBe("edited");
    const list = await getJson(`${storefront}/issues/2/comments`);
    const validateList = validator("get", "/repos/{owner}/{repo}/issues/{issue_number}/comments", "200");
    expect(validateList(list.body), JSON.stringify(validateList.errors)).toBe(true);

    const check = await post(`${storefront}/check-runs`, { name: "Parity", head_sha: "abc", status: "in_progress" });
    const validateCheck = validator("post", "/repos/{owner}/{repo}/check-runs", "201");
    expect(validateCheck(check.body), JSON.stringify(validateCheck.errors?.slice(0, 3))).toBe(true);
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ path: "a", start_line: i + 1, end_line: i + 1 }));
    const rejected = await post(
      `${storefront}/check-runs/${(check.body as { id: number }).id}`,
      { output: { annotations: tooMany } },
      "PATCH",
    );
    expect(rejected.status).toBe(422);
  });

  it("creates a branch and opens a pull request in GitHub's shapes", async () => {
    const post = (path: string, body: unknown) =>
      getJson(path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    const main = await getJson(`${storefront}/git/ref/heads%2Fmain`);
    const validateRef = validator("get", "/repos/{owner}/{repo}/git/ref/{ref}", "200");
    expect(validateRef(main.body), JSON.stringify(validateRef.errors)).toBe(true);
    const sha = (main.body as { object: { sha: string } }).object.sha;
    const branch = await post(`${storefront}/git/refs`, { ref: "refs/heads/parity/openapi", sha });
    expect(branch.status).toBe(201);
    const validateCreated = validator("post", "/repos/{owner}/{repo}/git/refs", "201");
    expect(validateCreated(branch.body), JSON.stringify(validateCreated.errors)).toBe(true);
    expect((await post(`${storefront}/git/refs`, { ref: "refs/heads/parity/openapi", sha })).status).toBe(422);
    const pull = await post(`${storefront}/pulls`, { title: "t", head: "parity/openapi", base: "main" });
    expect(pull.status).toBe(201);
    const validatePull = validator("post", "/repos/{owner}/{repo}/pulls", "201");
    expect(validatePull(pull.body), JSON.stringify(validatePull.errors?.slice(0, 3))).toBe(true);
    expect(pull.body).toMatchObject({ state: "open", head: { ref: "parity/openapi" } });
  });

  it("lists a pull request's files with patches and takes a review with line comments in GitHub's shapes", async () => {
    const post = (path: string, body: unknown) =>
      getJson(path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    const world = double.world;
    const repo = world.repo("acme/storefront");
    world.branch(repo, "review-me", repo.branches.get("main") ?? "");
    world.commit("acme/storefront", {
      files: { "ci/services.yml": "services:\n  postgres:\n    image: postgres:14\n" },
      message: "CI database",
      author: { name: "Priya", email: "priya@acme.test" },
      at: "2025-06-30T12:00:00Z",
      branch: "review-me",
    });
    const { number } = world.openPull(repo, { title: "CI database", head: "review-me", base: "main", body: null });
    const files = await getJson(`${storefront}/pulls/${number}/files`);
    const validateFiles = validator("get", "/repos/{owner}/{repo}/pulls/{pull_number}/files", "200");
    expect(validateFiles(files.body), JSON.stringify(validateFiles.errors?.slice(0, 3))).toBe(true);
    expect(files.body).toContainEqual(
      expect.objectContaining({
        filename: "ci/services.yml",
        patch: "@@ -0,0 +1,3 @@\n+services:\n+  postgres:\n+    image: postgres:14",
      }),
    );
    const comment = {
      path: "ci/services.yml",
      line: 3,
      side: "RIGHT",
      body: "```suggestion\n    image: postgres:16\n```",
    };
    const review = await post(`${storefront}/pulls/${number}/reviews`, {
      event: "COMMENT",
      body: "b",
      comments: [comment],
    });
    expect(review.status).toBe(200);
    const validateReview = validator("post", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", "200");
    expect(validateReview(review.body), JSON.stringify(validateReview.errors?.slice(0, 3))).toBe(true);
    expect(review.body).toMatchObject({ state: "COMMENTED" });
    const outside = await post(`${storefront}/pulls/${number}/reviews`, {
      event: "COMMENT",
      body: "b",
      comments: [{ ...comment, line: 9 }],
    });
    expect(outside.status).toBe(422);
    const listed = await getJson(`${storefront}/pulls/${number}/comments`);
    const validateComments = validator("get", "/repos/{owner}/{repo}/pulls/{pull_number}/comments", "200");
    expect(validateComments(listed.body), JSON.stringify(validateComments.errors?.slice(0, 3))).toBe(true);
    expect(listed.body).toEqual([expect.objectContaining({ path: "ci/services.yml", line: 3, side: "RIGHT" })]);
  });

  it("issues installation tokens that list the installation's repositories", async () => {
    const token = await getJson("/app/installations/1/access_tokens", { method: "POST" });
    const validateToken = validator("post", "/app/installations/{installation_id}/access_tokens", "201");
    expect(validateToken(token.body), JSON.stringify(validateToken.errors)).toBe(true);
    const repos = await getJson("/installation/repositories", {
      headers: { authorization: `token ${(token.body as { token: string }).token}` },
    });
    const validateRepos = validator("get", "/installation/repositories", "200");
    expect(validateRepos(repos.body), JSON.stringify(validateRepos.errors?.slice(0, 3))).toBe(true);
    expect((repos.body as { total_count: number }).total_count).toBe(6);
  });
});
