import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAcme } from "./seed";
import { type GitHubDouble, startGitHubDouble } from "./server";

let double: GitHubDouble;
const headers = { authorization: "token contents-test", "content-type": "application/json" };

beforeAll(async () => {
  double = await startGitHubDouble({ world: seedAcme({ now: new Date("2025-06-30T12:00:00Z") }) });
});
afterAll(async () => {
  await double.close();
});

describe("PUT /repos/{owner}/{repo}/contents/{path}", () => {
  it("commits the file on the default branch, as GitHub does, and moves the tree", async () => {
    const tree = `${double.url}/repos/acme/storefront/git/trees/main?recursive=1`;
    const etag = (await fetch(tree, { headers })).headers.get("etag") ?? "";
    const content = "services:\n  db:\n    image: postgres:16\n";

    const put = await fetch(`${double.url}/repos/acme/storefront/contents/compose.yaml`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ message: "Run PostgreSQL locally", content: Buffer.from(content).toString("base64") }),
    });
    expect(put.status).toBe(201);
    const body = (await put.json()) as { commit: { sha: string; parents: { sha: string }[] } };
    expect(body.commit.parents).toHaveLength(1);

    const read = await fetch(`${double.url}/repos/acme/storefront/contents/compose.yaml`, { headers });
    const file = (await read.json()) as { content: string };
    expect(Buffer.from(file.content, "base64").toString("utf8")).toBe(content);
    expect((await fetch(tree, { headers: { ...headers, "if-none-match": etag } })).status).toBe(200);

    const update = await fetch(`${double.url}/repos/acme/storefront/contents/compose.yaml`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ message: "Pin 16.3", content: Buffer.from("x").toString("base64") }),
    });
    expect(update.status).toBe(200);
  });

  it("refuses a request without message or content", async () => {
    const put = await fetch(`${double.url}/repos/acme/storefront/contents/README.md`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ message: "no content" }),
    });
    expect(put.status).toBe(422);
  });
});
