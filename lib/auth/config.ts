import { authMode, env, githubWebUrl } from "../env";

/**
 * What sign-in and access checks need from the environment, behind one accessor so tests can run
 * team mode without changing the environment.
 */
export interface AuthSettings {
  mode: "local" | "team";
  clientId: string;
  clientSecret: string;
  sessionSecret: string;
  /** github.com, a GHES host or the GitHub double: serves /login/oauth/*. */
  oauthUrl: string;
  /** api.github.com or equivalent: /user and /repos/{owner}/{repo} with the user's token. */
  apiUrl: string;
  /** The address users reach Parity at, when configured. */
  publicUrl: string | null;
  /** GITHUB_TOKEN: local mode asks GitHub with it whether a repository exists before connecting it. */
  serverToken?: string | null;
}

function fromEnv(): AuthSettings {
  const settings = env();
  return {
    mode: authMode(settings),
    clientId: settings.GITHUB_OAUTH_CLIENT_ID ?? "",
    clientSecret: settings.GITHUB_OAUTH_CLIENT_SECRET ?? "",
    sessionSecret: settings.PARITY_SESSION_SECRET ?? "",
    oauthUrl: githubWebUrl(settings),
    apiUrl: settings.GITHUB_API_URL.replace(/\/+$/, ""),
    publicUrl: settings.PARITY_PUBLIC_URL?.replace(/\/+$/, "") ?? null,
    serverToken: settings.GITHUB_TOKEN ?? null,
  };
}

let override: AuthSettings | null = null;

export function authSettings(): AuthSettings {
  return override ?? fromEnv();
}

/** Tests only: use `settings` until the returned function restores the environment's. */
export function useAuthSettings(settings: AuthSettings): () => void {
  override = settings;
  return () => {
    override = null;
  };
}
