import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAcme } from "../../github-double/seed";
import { startGitHubDouble } from "../../github-double/server";
import { parseUnifiedDiff } from "./changed-lines";
import { InputError, readInputs } from "./inputs";
import { runAction } from "./run";
import { annotation, escapeData, escapeProperty, outputLines } from "./workflow-commands";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");
const shop = path.join(root, "cli", "__fixtures__", "shop");

describe("workflow commands", () => {
  it.each([
    ["100% done", "100%25 done"],
    ["two\nlines\r", "two%0Alines%0D"],
  ])("escapes data %j", (text, escaped) => expect(escapeData(text)).toBe(escaped));

  it("escapes properties further (colons and commas end a property)", () => {
    expect(escapeProperty("a:b,c")).toBe("a%3Ab%2Cc");
    expect(annotation("error", { file: "deploy/app.yaml", line: 3, title: "Parity: a, b" }, "x\ny")).toBe(
      "::error file=deploy/app.yaml,line=3,title=Parity%3A a%2C b::x%0Ay",
    );
  });

  it("writes outputs as name=value, and as a heredoc with an unused delimiter when a value has line breaks", () => {
    expect(outputLines({ score: "87", level: "none" })).toBe("score=87\nlevel=none\n");
    expect(outputLines({ note: "a\nPARITY_EOF" })).toBe("note<<PARITY_EOF_\na\nPARITY_EOF\nPARITY_EOF_\n");
  });
});

describe("changed lines from a unified diff", () => {
  it("keeps the new side's added lines per file, across hunks, renames and deletions", () => {
    const diff = [
      "diff --git a/compose.yaml b/compose.yaml",
      "--- a/compose.yaml",
      "+++ b/compose.yaml",
      "@@ -3 +3 @@ services:",
      "-    image: postgres:14",
      "+    image: postgres:16",
      "@@ -10,0 +11,2 @@",
      "+  redis:",
      "+    image: redis:7",
      "diff --git a/old.env b/new.env",
      "--- a/old.env",
      "+++ b/new.env",
      "@@ -1,2 +1 @@",
      "-A=1",
      " B=2",
      "diff --git a/gone.txt b/gone.txt",
      "--- a/gone.txt",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-bye",
    ].join("\n");
    const changed = parseUnifiedDiff(diff);
    expect([...(changed.get("compose.yaml") ?? [])]).toEqual([3, 11, 12]);
    expect(changed.has("new.env")).toBe(false);
    expect(changed.has("gone.txt")).toBe(false);
  });
});

describe("inputs", () => {
  it("reads INPUT_ variables with the runner's names (hyphens kept) and defaults", () => {
    expect(readInputs({ "INPUT_FAIL-ON": "high", "INPUT_FAIL-UNDER": "70", INPUT_PATH: "services/api" })).toEqual({
      path: "services/api",
      failOn: "high",
      failUnder: 70,
      sarifFile: "parity.sarif",
      annotations: "changed",
      history: "git",
      githubToken: "",
    });
  });

  it.each([
    [{ "INPUT_FAIL-ON": "critical" }, /fail-on must be one of high, medium, low, info/],
    [{ "INPUT_FAIL-UNDER": "101" }, /fail-under must be a whole number from 0 to 100/],
    [{ INPUT_ANNOTATIONS: "some" }, /annotations must be one of changed, all, none/],
    [{ INPUT_HISTORY: "svn" }, /history must be one of git, github, none/],
  ])("refuses %j with a sentence", (env, message) => {
    expect(() => readInputs(env)).toThrow(InputError);
    expect(() => readInputs(env)).toThrow(message);
  });
});

describe("the Action as the runner runs it (the committed action/index.mjs)", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "parity-action-"));
  const workspace = path.join(scratch, "workspace");
  let base = "";
  let head = "";

  const git = (...args: string[]) => run("git", args, { cwd: workspace });

  beforeAll(async () => {
    // A pull request that adds `.nvmrc` (Node 18) to a shop whose prod runs Node 20.
    cpSync(shop, workspace, { recursive: true, filter: (source) => !source.endsWith(".nvmrc") });
    await git("init", "-q", "-b", "main");
    await git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A");
    await git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base");
    base = (await git("rev-parse", "HEAD")).stdout.trim();
    cpSync(path.join(shop, ".nvmrc"), path.join(workspace, ".nvmrc"));
    await git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A");
    await git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "head");
    head = (await git("rev-parse", "HEAD")).stdout.trim();
  }, 60_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  async function action(inputs: Record<string, string>, name: string) {
    const summary = path.join(scratch, `${name}-summary.md`);
    const output = path.join(scratch, `${name}-output.txt`);
    const event = path.join(scratch, `${name}-event.json`);
    writeFileSync(summary, "");
    writeFileSync(output, "");
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: base }, head: { sha: head } } }));
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: "acme/shop",
      ...Object.fromEntries(Object.entries(inputs).map(([key, value]) => [`INPUT_${key.toUpperCase()}`, value])),
    };
    let code = 0;
    let stdout = "";
    try {
      stdout = (await run(process.execPath, [path.join(root, "action", "index.mjs")], { cwd: workspace, env })).stdout;
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      code = failed.code;
      stdout = failed.stdout;
    }
    const outputs = Object.fromEntries(
      readFileSync(output, "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    return { code, stdout, outputs, summary: readFileSync(summary, "utf8") };
  }

  it("writes the summary, the SARIF file and the outputs, and annotates only the line the change added", async () => {
    const result = await action({ "sarif-file": "reports/parity.sarif" }, "pass");
    expect(result.code).toBe(0);
    expect(result.summary).toMatch(/^# /m);
    expect(result.summary).toContain(".nvmrc");
    const sarifFile = path.join(workspace, "reports", "parity.sarif");
    expect(result.outputs).toMatchObject({ "sarif-file": sarifFile, level: "none" });
    expect(Number(result.outputs.score)).toBeGreaterThanOrEqual(0);
    const sarif = JSON.parse(readFileSync(sarifFile, "utf8")) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]?.results.length).toBe(Number(result.outputs.findings));
    const annotations = result.stdout
      .split("\n")
      .filter((line) => line.startsWith("::") && !line.startsWith("::error title"));
    expect(annotations).toEqual([expect.stringMatching(/^::error file=\.nvmrc,line=1,title=Parity%3A .*::.+/)]);
  }, 60_000);

  it("fails by fail-on and fail-under, saying which gate", async () => {
    const failing = await action({ "fail-on": "high" }, "fail-on");
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/::error title=Parity gate::\d+ unsuppressed findings? at high or worse/);
    const score = await action({ "fail-under": "100", annotations: "none" }, "fail-under");
    expect(score.code).toBe(1);
    expect(score.stdout).toMatch(/::error title=Parity gate::overall score \d+ is below 100/);
    expect(score.stdout).not.toMatch(/^::(warning|notice) file=/m);
  }, 60_000);

  it("stops with exit code 2 and one error line on a bad input", async () => {
    const result = await action({ "fail-on": "critical" }, "bad-input");
    expect(result.code).toBe(2);
    expect(result.stdout.trim()).toBe(
      '::error title=Parity::input fail-on must be one of high, medium, low, info (got "critical").',
    );
  }, 60_000);
});

describe("history: github (time and personnel through the job's token)", () => {
  it("reads deploys and pull requests from the GitHub API the runner names, and scores time and personnel", async () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const double = await startGitHubDouble({ world: seedAcme({ now }), enterprise: true });
    const scratch = mkdtempSync(path.join(tmpdir(), "parity-action-history-"));
    try {
      cpSync(shop, path.join(scratch, "workspace"), { recursive: true });
      const output = path.join(scratch, "output.txt");
      const summary = path.join(scratch, "summary.md");
      writeFileSync(output, "");
      writeFileSync(summary, "");
      const lines: string[] = [];
      const run = (history: string) =>
        runAction({
          env: {
            GITHUB_WORKSPACE: path.join(scratch, "workspace"),
            GITHUB_OUTPUT: output,
            GITHUB_STEP_SUMMARY: summary,
            GITHUB_REPOSITORY: "acme/storefront",
            GITHUB_API_URL: double.url,
            INPUT_HISTORY: history,
            "INPUT_GITHUB-TOKEN": "ghs_job_token",
            INPUT_ANNOTATIONS: "none",
          },
          write: (line) => lines.push(line),
          now,
        });
      // The scores row of the summary: | overall | tools | time | personnel |.
      const scores = () =>
        /\| Overall \| Tools \| Time \| Personnel \|\n\|[-|]+\|\n\| (.+) \|/.exec(readFileSync(summary, "utf8"))?.[1];
      expect(await run("none")).toBe(0);
      expect(scores()?.split(" | ").slice(2)).toEqual(["n/a", "n/a"]);
      writeFileSync(summary, "");
      expect(await run("github")).toBe(0);
      const [, , time, personnel] = scores()?.split(" | ") ?? [];
      expect(Number(time)).toBeGreaterThanOrEqual(0);
      expect(Number(personnel)).toBeGreaterThanOrEqual(0);
      expect(double.log.some((entry) => entry.path.startsWith("/repos/acme/storefront"))).toBe(true);
      // Without a token the mode refuses in one sentence rather than guessing.
      lines.length = 0;
      const refused = await runAction({
        env: {
          GITHUB_WORKSPACE: path.join(scratch, "workspace"),
          GITHUB_REPOSITORY: "acme/storefront",
          INPUT_HISTORY: "github",
        },
        write: (line) => lines.push(line),
        now,
      });
      expect(refused).toBe(2);
      expect(lines).toEqual([
        "::error title=Parity::history: github needs GITHUB_REPOSITORY and the github-token input.",
      ]);
    } finally {
      await double.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the committed bundle", () => {
  it("is what scripts/build-cli.mjs --action builds from the sources today (run `npm run build:action`)", async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), "parity-action-build-"));
    try {
      await run(process.execPath, [path.join(root, "scripts", "build-cli.mjs"), "--action", "--outdir", scratch], {
        cwd: root,
      });
      const fresh = readFileSync(path.join(scratch, "index.mjs"));
      expect(fresh.equals(readFileSync(path.join(root, "action", "index.mjs")))).toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);

  it("is the file action.yml runs", () => {
    const metadata = readFileSync(path.join(root, "action.yml"), "utf8");
    expect(metadata).toMatch(/^\s+main: action\/index\.mjs$/m);
  });
});
