import { env } from "../env";
import { createGitHubClient, type GitHubClient } from "../sources/github/index";

/** The App's settings from the environment, or null when the App is not configured. */
export function appSettings(): { appId: string; privateKey: string } | null {
  const settings = env();
  if (!settings.GITHUB_APP_ID || !settings.GITHUB_APP_PRIVATE_KEY) return null;
  // A PEM pasted into one line of a .env file carries `\n` escapes.
  return { appId: settings.GITHUB_APP_ID, privateKey: settings.GITHUB_APP_PRIVATE_KEY.replace(/\\n/g, "\n") };
}

/**
 * The spacing of the bot's writes: GitHub's (1 s, comments 3 s, the client's defaults) for
 * api.github.com whatever is configured; `GITHUB_WRITE_INTERVAL_MS` for a GHES without rate
 * limits (or the double), where a burst of PRs would otherwise drain at github.com's pace.
 */
export function writeSpacing(apiUrl: string, intervalMs: number | undefined) {
  if (intervalMs === undefined || new URL(apiUrl).hostname === "api.github.com") return {};
  return { writeIntervalMs: intervalMs, commentIntervalMs: intervalMs };
}

/** One client per installation, so @octokit/auth-app's token cache is reused between jobs. */
export function installationClients(
  baseUrl: string,
  app: { appId: string | number; privateKey: string },
  spacing: { writeIntervalMs?: number; commentIntervalMs?: number } = {},
): (installationId: number) => GitHubClient {
  const clients = new Map<number, GitHubClient>();
  return (installationId) => {
    let client = clients.get(installationId);
    if (!client) {
      client = createGitHubClient({ baseUrl, auth: { type: "app", ...app, installationId }, ...spacing });
      clients.set(installationId, client);
    }
    return client;
  };
}
