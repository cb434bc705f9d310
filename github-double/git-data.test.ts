import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validator } from "./__tests__/openapi";
import { seedFixDemo } from "./seed-fix-demo";
import { type GitHubDouble, startGitHubDouble } from "./server";
import { World } from "./world";

/**
 * A fix's whole trip through the double over HTTP, each answer held to GitHub's OpenAPI
 * description: main's ref, a blob, a tree on main's, a commit, a branch, the pull request, found
 * again by its head, moved by a second commit, its body edited, merged; then main serves the file.
 */

let double: GitHubDouble;
const repo = "/repos/acme/payments";
const headers = { authorization: "token test-token", accept: "application/vnd.github+json" };

beforeAll(async () => {
  double = await startGitHubDouble({ world: seedFixDemo(new World(), new Date("2026-11-30T12:00:00Z")) });
});
afterAll(async () => {
  await double.close();
});

async function call(method: string, path: string, body?: unknown, auth = true) {
  const res = await fetch(`${double.url}${repo}${path}`, {
    method,
    headers: { ...(auth ? headers : { accept: headers.accept }), "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: GitHub's JSON, read field by field after the schema check.
  return { status: res.status, body: (await res.json()) as any };
}

function valid(method: string, operation: string, status: string, body: unknown): void {
  const validate = validator(method, `/repos/{owner}/{repo}${operation}`, status);
  expect(validate(body), `${method} ${operation}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
}

async function commitOnMain(path: string, text: string, parent: string, baseTree: string) {
  const blob = await call("POST", "/git/blobs", { content: Buffer.from(text).toString("base64"), encoding: "base64" });
  const tree = await call("POST", "/git/trees", {
    base_tree: baseTree,
    tree: [{ path, mode: "100644", type: "blob", sha: blob.body.sha }],
  });
  const commit = await call("POST", "/git/commits", {
    message: `Change ${path}`,
    tree: tree.body.sha,
    parents: [parent],
  });
  return { blob, tree, commit };
}

describe("the Git Data API and pull requests, as a fix uses them", () => {
  it("commits, branches, opens, finds, moves, edits and merges in GitHub's shapes", async () => {
    const main = await call("GET", "/git/ref/heads/main");
    const mainSha = main.body.object.sha as string;
    const base = await call("GET", `/git/commits/${mainSha}`);
    valid("get", "/git/commits/{commit_sha}", "200", base.body);
    const baseTree = base.body.tree.sha as string;

    const first = await commitOnMain(".nvmrc", "22\n", mainSha, baseTree);
    expect(first.blob.status).toBe(201);
    valid("post", "/git/blobs", "201", first.blob.body);
    expect(first.tree.status).toBe(201);
    valid("post", "/git/trees", "201", first.tree.body);
    expect(first.commit.status).toBe(201);
    valid("post", "/git/commits", "201", first.commit.body);
    expect(first.commit.body.parents.map((p: { sha: string }) => p.sha)).toEqual([mainSha]);
    // A new blob is readable before a commit on a branch holds it; the commit moved no branch.
    expect((await call("GET", `/git/blobs/${first.blob.body.sha}`)).status).toBe(200);
    expect((await call("GET", "/git/ref/heads/main")).body.object.sha).toBe(mainSha);

    const branch = await call("POST", "/git/refs", { ref: "refs/heads/parity/fix", sha: first.commit.body.sha });
    expect(branch.status).toBe(201);
    const opened = await call("POST", "/pulls", { title: "Fix", head: "parity/fix", base: "main", body: "first" });
    expect(opened.status).toBe(201);
    expect(opened.body.body).toBe("first");

    const found = await call("GET", "/pulls?state=open&head=acme:parity/fix&base=main");
    valid("get", "/pulls", "200", found.body);
    expect(found.body.map((p: { number: number }) => p.number)).toEqual([opened.body.number]);
    expect((await call("GET", "/pulls?state=open&head=acme:other")).body).toEqual([]);

    // A rebuilt branch (not a fast-forward) needs force; the open pull request follows it.
    const second = await commitOnMain("README.md", "# payments, fixed\n", mainSha, baseTree);
    const refused = await call("PATCH", "/git/refs/heads/parity/fix", { sha: second.commit.body.sha });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe("Update is not a fast forward");
    const moved = await call("PATCH", "/git/refs/heads/parity/fix", { sha: second.commit.body.sha, force: true });
    expect(moved.status).toBe(200);
    valid("patch", "/git/refs/{ref}", "200", moved.body);
    const files = await call("GET", `/pulls/${opened.body.number}/files`);
    expect(files.body.map((f: { filename: string }) => f.filename)).toEqual(["README.md"]);

    const edited = await call("PATCH", `/pulls/${opened.body.number}`, { body: "second", title: "Fix, again" });
    expect(edited.status).toBe(200);
    valid("patch", "/pulls/{pull_number}", "200", edited.body);
    expect(edited.body).toMatchObject({ body: "second", title: "Fix, again", state: "open" });

    expect((await call("PUT", `/pulls/${opened.body.number}/merge`, { sha: mainSha })).status).toBe(409);
    const merged = await call("PUT", `/pulls/${opened.body.number}/merge`, { merge_method: "merge" });
    expect(merged.status).toBe(200);
    valid("put", "/pulls/{pull_number}/merge", "200", merged.body);
    expect((await call("PUT", `/pulls/${opened.body.number}/merge`, {})).status).toBe(405);
    const pull = await call("GET", `/pulls/${opened.body.number}`);
    expect(pull.body).toMatchObject({ state: "closed", merged: true, merge_commit_sha: merged.body.sha });
    const readme = await call("GET", "/contents/README.md");
    expect(Buffer.from(readme.body.content as string, "base64").toString("utf8")).toBe("# payments, fixed\n");
    expect((await call("GET", "/git/ref/heads/main")).body.object.sha).toBe(merged.body.sha);
    // The first commit's change was dropped when the branch was rebuilt: main still has its .nvmrc.
    const nvmrc = await call("GET", "/contents/.nvmrc");
    expect(Buffer.from(nvmrc.body.content as string, "base64").toString("utf8")).toBe("20\n");
  });

  it("refuses writes without a token, and unknown trees, parents and refs", async () => {
    expect((await call("POST", "/git/blobs", { content: "x", encoding: "utf-8" }, false)).status).toBe(401);
    expect((await call("POST", "/git/trees", { base_tree: "0".repeat(40), tree: [] })).status).toBe(422);
    expect((await call("POST", "/git/commits", { message: "m", tree: "0".repeat(40), parents: [] })).status).toBe(422);
    expect((await call("PATCH", "/git/refs/heads/nope", { sha: "0".repeat(40) })).status).toBe(422);
    expect((await call("PATCH", "/pulls/999", { body: "x" })).status).toBe(404);
  });
});
