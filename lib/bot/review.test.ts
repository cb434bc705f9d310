import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import { World } from "../../github-double/world";
import { createGitHubClient, type GitHubClient } from "../sources/github/index";
import { publishSuggestions } from "./review";
import { type SuggestionComment, suggestionMarker } from "./suggestions";

/** The review of suggestions against the GitHub double: one POST, multi-line ranges, no repeats. */

const AT = "2026-03-02T10:00:00Z";
const author = { name: "Priya", email: "priya@acme.test" };
let double: GitHubDouble;
let client: GitHubClient;
let headSha = "";

beforeAll(async () => {
  const world = new World();
  const repo = world.addRepo({ owner: "acme", name: "shop" });
  world.commit("acme/shop", { files: { "README.md": "# shop\n" }, message: "Initial", author, at: AT });
  world.branch(repo, "ci", repo.branches.get("main") ?? "");
  const services = "services:\n  postgres:\n    image: postgres:14\n    ports: ['5432:5432']\n";
  headSha = world.commit("acme/shop", {
    files: { "ci.yml": services },
    message: "CI",
    author,
    at: AT,
    branch: "ci",
  }).sha;
  world.openPull(repo, { title: "CI", head: "ci", base: "main", body: null });
  double = await startGitHubDouble({ world });
  client = createGitHubClient({
    baseUrl: double.url,
    auth: { type: "token", token: "t" },
    maxRetries: 0,
    writeIntervalMs: 0,
    commentIntervalMs: 0,
  });
});

afterAll(async () => {
  await double?.close();
});

function suggestion(fingerprint: string, line: number, startLine?: number): SuggestionComment {
  return {
    fingerprint,
    path: "ci.yml",
    line,
    ...(startLine ? { startLine } : {}),
    body: `${suggestionMarker(fingerprint)}\nfix\n\n\`\`\`suggestion\nx\n\`\`\``,
  };
}

const pull = () => ({ owner: "acme", repo: "shop", number: 1, headSha });

describe("publishSuggestions", () => {
  it("makes no request when there is nothing to suggest", async () => {
    const before = double.requestCount;
    expect(await publishSuggestions(client, pull(), [])).toEqual({ action: "none", suggestions: 0, requests: 0 });
    expect(double.requestCount).toBe(before);
  });

  it("posts one review with single- and multi-line comments, then never the same finding again", async () => {
    const posted = await publishSuggestions(client, pull(), [suggestion("a", 3), suggestion("b", 4, 2)]);
    expect(posted).toEqual({ action: "posted", suggestions: 2, requests: 2 });
    const repo = double.world.repo("acme/shop");
    expect(repo.reviews).toEqual([expect.objectContaining({ state: "COMMENTED", commitId: headSha })]);
    expect(repo.reviewComments.map((c) => [c.line, c.startLine, c.side])).toEqual([
      [3, null, "RIGHT"],
      [4, 2, "RIGHT"],
    ]);
    const again = await publishSuggestions(client, pull(), [suggestion("a", 3), suggestion("b", 4, 2)]);
    expect(again).toEqual({ action: "unchanged", suggestions: 0, requests: 1 });
    const more = await publishSuggestions(client, pull(), [suggestion("a", 3), suggestion("c", 1)]);
    expect(more).toMatchObject({ action: "posted", suggestions: 1 });
    expect(repo.reviews).toHaveLength(2);
    expect(repo.reviewComments.at(-1)?.body.startsWith(suggestionMarker("c"))).toBe(true);
  });

  it("leaves a review GitHub refuses (a line off the diff) to the next audit", async () => {
    const refused = await publishSuggestions(client, pull(), [suggestion("d", 9)]);
    expect(refused).toMatchObject({ action: "rejected", suggestions: 0 });
    expect(double.world.repo("acme/shop").reviews).toHaveLength(2);
  });
});
