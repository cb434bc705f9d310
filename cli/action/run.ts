import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { audit, toMarkdown, toSarif } from "../../lib/parity/audit/index";
import type { History, RepoSnapshot } from "../../lib/parity/types";
import { readLocalSnapshot } from "../../lib/sources/local/index";
import { failedGates } from "../gates";
import { findingAnnotations } from "./annotations";
import { type ChangedLines, changedLinesBetween } from "./changed-lines";
import { type ActionInputs, InputError, readInputs } from "./inputs";
import { escapeData, outputLines } from "./workflow-commands";

/**
 * The GitHub Action (action.yml): audits the checkout, writes the markdown report to the job
 * summary and SARIF to a file for code scanning, annotates findings on the lines the change
 * touched, sets outputs and fails by `fail-on` / `fail-under`. Resolves to the exit code: 0 passed,
 * 1 a gate failed, 2 the audit could not run.
 */

type Environment = Readonly<Record<string, string | undefined>>;

export interface ActionIo {
  env: Environment;
  /** Standard output: workflow commands and log lines. */
  write(line: string): void;
  now: Date;
}

const HISTORY_DAYS = 180;

export async function runAction(io: ActionIo): Promise<number> {
  try {
    return await runChecked(io, readInputs(io.env));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.write(
      `::error title=Parity::${escapeData(error instanceof InputError ? message : `the audit failed: ${message}`)}`,
    );
    return 2;
  }
}

async function runChecked(io: ActionIo, inputs: ActionInputs): Promise<number> {
  const workspace = path.resolve(io.env.GITHUB_WORKSPACE || ".");
  const dir = path.resolve(workspace, inputs.path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(`input path "${inputs.path}" is not a directory of the workspace.`);
  }
  const since = new Date(io.now.getTime() - HISTORY_DAYS * 86_400_000);
  const local = await readLocalSnapshot({ dir, since });
  const snapshot = await withHistory(local, inputs, io, since);
  const report = audit(snapshot, null, io.now);

  const sarifFile = path.resolve(workspace, inputs.sarifFile);
  mkdirSync(path.dirname(sarifFile), { recursive: true });
  writeFileSync(sarifFile, toSarif(report));
  if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, `${toMarkdown(report)}\n`);

  const prefix = path.relative(workspace, dir).split(path.sep).join("/");
  const changed = inputs.annotations === "changed" ? await changedLines(io.env, workspace) : null;
  if (inputs.annotations === "changed" && changed === null) {
    io.write("Parity: no base commit to compare with (or a shallow checkout); findings are in the summary only.");
  }
  for (const line of findingAnnotations(report, inputs.annotations, changed, prefix)) io.write(line);

  const open = report.findings.filter((finding) => !finding.suppressed).length;
  const outputs = {
    score: report.scores.overall === null ? "" : String(report.scores.overall),
    level: report.level ?? "none",
    findings: String(open),
    "sarif-file": sarifFile,
  };
  if (io.env.GITHUB_OUTPUT) appendFileSync(io.env.GITHUB_OUTPUT, outputLines(outputs));
  io.write(`Parity: overall ${outputs.score || "unknown"}, level ${outputs.level}, ${open} open finding(s).`);

  const failures = failedGates(report, { failOn: inputs.failOn, failUnder: inputs.failUnder });
  for (const failure of failures) io.write(`::error title=Parity gate::${escapeData(failure)}`);
  return failures.length > 0 ? 1 : 0;
}

/** History from git (the default), from GitHub through the job's token, or none. */
async function withHistory(
  local: RepoSnapshot,
  inputs: ActionInputs,
  io: ActionIo,
  since: Date,
): Promise<RepoSnapshot> {
  if (inputs.history === "none") return { ...local, history: undefined };
  if (inputs.history === "git") return local;
  const [owner, repo] = (io.env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || !inputs.githubToken) {
    throw new InputError("history: github needs GITHUB_REPOSITORY and the github-token input.");
  }
  const { createGitHubClient, fetchGitHubSnapshot } = await import("../../lib/sources/github/index");
  const client = createGitHubClient({
    baseUrl: io.env.GITHUB_API_URL || "https://api.github.com",
    auth: { type: "token", token: inputs.githubToken },
  });
  const remote = await fetchGitHubSnapshot(client, { owner, repo, since });
  const history: History | undefined = remote.snapshot.history;
  return { ...local, history };
}

/** Lines changed by the pull request or push that triggered the run; null when unknown. */
async function changedLines(env: Environment, workspace: string): Promise<ChangedLines | null> {
  if (!env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return null;
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as {
    pull_request?: { base?: { sha?: string }; head?: { sha?: string } };
    before?: string;
    after?: string;
  };
  const base = event.pull_request?.base?.sha ?? event.before;
  const head = event.pull_request?.head?.sha ?? event.after ?? env.GITHUB_SHA;
  if (!base || !head || /^0+$/.test(base)) return null;
  return changedLinesBetween(workspace, base, head);
}
