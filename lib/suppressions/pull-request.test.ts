import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAcme } from "../../github-double/seed";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import { parseConfig } from "../parity/config/index";
import { applySuppressions } from "../parity/suppress";
import type { Finding } from "../parity/types";
import { createGitHubClient } from "../sources/github/client";
import { suppressionEntry } from "./config-lines";
import { openSuppressionPullRequest } from "./pull-request";

/** The App's pull request against the GitHub double: branch, commit and PR as GitHub would have them. */

let double: GitHubDouble;
beforeAll(async () => {
  double = await startGitHubDouble({ world: seedAcme({ now: new Date("2026-11-30T12:00:00Z") }) });
});
afterAll(async () => {
  await double.close();
});

const finding: Finding = {
  fingerprint: "4e7a0a600a5c9d7c",
  check: "service-version",
  gap: "tools",
  severity: "high",
  title: "Same service versions",
  message: "PostgreSQL 13 in dev, PostgreSQL 16 in prod",
  evidence: [],
  suppressed: false,
};

function client() {
  return createGitHubClient({
    baseUrl: double.url,
    auth: { type: "token", token: "t" },
    retryBaseMs: 10,
    maxRetries: 1,
  });
}

async function fileAt(repository: string, path: string, ref: string): Promise<string> {
  const response = await fetch(`${double.url}/repos/${repository}/contents/${path}?ref=${encodeURIComponent(ref)}`, {
    headers: { authorization: "token t" },
  });
  const body = (await response.json()) as { content: string };
  return Buffer.from(body.content, "base64").toString("utf8");
}

describe("openSuppressionPullRequest", () => {
  it("opens a pull request whose .parity.yml suppresses exactly that finding", async () => {
    const entry = suppressionEntry(finding, "accept", "dev moves to 16 next sprint");
    const pull = await openSuppressionPullRequest(client(), { owner: "acme", name: "checkout-api" }, entry, finding);
    expect(pull.url).toMatch(/\/acme\/checkout-api\/pull\/\d+$/);
    expect(pull.path).toBe(".parity.yml");

    const fetched = await fetch(`${double.url}/repos/acme/checkout-api/pulls/${pull.number}`, {
      headers: { authorization: "token t" },
    });
    const body = (await fetched.json()) as { state: string; head: { ref: string }; base: { ref: string } };
    expect(body).toMatchObject({ state: "open", head: { ref: pull.branch }, base: { ref: "main" } });

    const config = parseConfig(await fileAt("acme/checkout-api", ".parity.yml", pull.branch));
    expect(config.problems).toEqual([]);
    expect(applySuppressions([finding], config.config)[0]).toMatchObject({
      suppressed: true,
      suppressionReason: "Accepted risk: dev moves to 16 next sprint",
    });
    // The default branch is untouched until the team merges.
    const onMain = await fetch(`${double.url}/repos/acme/checkout-api/contents/.parity.yml`, {
      headers: { authorization: "token t" },
    });
    expect(onMain.status).toBe(404);
  });

  it("edits an existing config in place, keeping what it says", async () => {
    const existing = "# ours\ncomment: never\n";
    const put = await fetch(`${double.url}/repos/acme/ledger/contents/.parity.yml`, {
      method: "PUT",
      headers: { authorization: "token t", "content-type": "application/json" },
      body: JSON.stringify({ message: "config", content: Buffer.from(existing).toString("base64") }),
    });
    expect(put.ok).toBe(true);
    const entry = suppressionEntry(finding, "suppress", "not used in prod");
    const pull = await openSuppressionPullRequest(client(), { owner: "acme", name: "ledger" }, entry, finding);
    const text = await fileAt("acme/ledger", ".parity.yml", pull.branch);
    expect(text.startsWith("# ours\ncomment: never\n")).toBe(true);
    expect(parseConfig(text).config).toMatchObject({ comment: "never", suppress: [entry] });
  });
});
