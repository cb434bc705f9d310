import { existsSync, readFileSync, statSync } from "node:fs";
import { env } from "../lib/env";
import { CONFIG_PATHS } from "../lib/parity/audit/index";
import type { RepoSnapshot } from "../lib/parity/types";
import { parseRepositoryName } from "../lib/repos/repository-name";
import { readLocalSnapshot } from "../lib/sources/local/index";
import { type AuditCommand, UsageError } from "./args";

/** The history window the time and personnel gaps look at (the metrics use the last 90 days). */
const HISTORY_DAYS = 180;

/**
 * A path that exists is a local checkout; otherwise `owner/repo` (or a GitHub URL) is fetched
 * from GitHub. `--config` replaces the repository's own `.parity.yml`, so its problems are
 * still reported with their lines.
 */
export async function loadSnapshot(
  command: Pick<AuditCommand, "target" | "noHistory" | "config">,
): Promise<RepoSnapshot> {
  const since = new Date(Date.now() - HISTORY_DAYS * 86_400_000);
  const snapshot = existsSync(command.target)
    ? await loadLocal(command.target, command.noHistory ? undefined : since)
    : await loadGitHub(command.target, since);
  const withoutHistory = command.noHistory ? { ...snapshot, history: undefined } : snapshot;
  return command.config ? withConfig(withoutHistory, command.config) : withoutHistory;
}

async function loadLocal(target: string, since: Date | undefined): Promise<RepoSnapshot> {
  if (!statSync(target).isDirectory()) throw new UsageError(`${target} is not a directory.`);
  return readLocalSnapshot({ dir: target, since });
}

async function loadGitHub(target: string, since: Date): Promise<RepoSnapshot> {
  const parsed = parseRepositoryName(target);
  if (!parsed.ok) {
    throw new UsageError(`"${target}" is neither a directory nor a GitHub repository (owner/repo).`);
  }
  // Loaded here, not at the top: a local audit never pays for octokit (a separate chunk of the bundle).
  const { createGitHubClient, fetchGitHubSnapshot } = await import("../lib/sources/github/index");
  const settings = env();
  const client = createGitHubClient({
    baseUrl: settings.GITHUB_API_URL,
    auth: settings.GITHUB_TOKEN ? { type: "token", token: settings.GITHUB_TOKEN } : { type: "none" },
  });
  const result = await fetchGitHubSnapshot(client, { owner: parsed.value.owner, repo: parsed.value.name, since });
  return result.snapshot;
}

function withConfig(snapshot: RepoSnapshot, file: string): RepoSnapshot {
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`cannot read the config file ${file}.`);
  }
  const files = new Map(snapshot.files);
  for (const path of CONFIG_PATHS) files.delete(path);
  const [configPath = ".parity.yml"] = CONFIG_PATHS;
  files.set(configPath, content);
  const configPaths: readonly string[] = CONFIG_PATHS;
  const paths = [...snapshot.paths.filter((path) => !configPaths.includes(path)), configPath];
  return { ...snapshot, paths, files };
}
