import { appSettings, installationClients } from "../bot/app-client";
import type { Database } from "../db/client";
import { installationOf } from "../db/queries/suppressions";
import { env } from "../env";
import type { GitHubClient } from "../sources/github/client";

/**
 * The Parity GitHub App's client for a repository it is installed on: what opens a suppression's
 * or a fix's pull request as the App's bot. Null without the App or without an installation.
 */
export type PullRequestClients = (db: Database, fullName: string) => Promise<GitHubClient | null>;

let clientsForApp: ReturnType<typeof installationClients> | null = null;

export const appPullRequestClients: PullRequestClients = async (db, fullName) => {
  const app = appSettings();
  if (!app) return null;
  const installationId = await installationOf(db, fullName);
  if (installationId === null) return null;
  clientsForApp ??= installationClients(env().GITHUB_API_URL, app);
  return clientsForApp(installationId);
};
