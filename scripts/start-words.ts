/**
 * What `npm start` says before serving (scripts/start.mjs): why it builds, and which GitHub it
 * talks to, so a person starting it knows both without reading the code.
 */

/** Why a build is needed, or null when the last build is current. */
export function buildReason(state: {
  rebuild: boolean;
  built: boolean;
  stamped: boolean;
  changed: boolean;
}): string | null {
  if (state.rebuild) return "building the app (--rebuild)…";
  if (!state.built) return "building the app (first start: there is no build yet)…";
  if (!state.stamped) return "building the app (the last build was not made by npm start)…";
  if (state.changed) return "building the app (sources changed since the last build)…";
  return null;
}

/** `GitHub: https://api.github.com (github.com), with GITHUB_TOKEN`; never the token itself. */
export function githubLine(settings: {
  GITHUB_API_URL: string;
  GITHUB_TOKEN?: string | undefined;
  GITHUB_APP_ID?: string | undefined;
}): string {
  const api = settings.GITHUB_API_URL.replace(/\/+$/, "");
  const where = api === "https://api.github.com" ? "github.com" : "not github.com: GITHUB_API_URL";
  const credentials = [
    settings.GITHUB_TOKEN ? "GITHUB_TOKEN" : null,
    settings.GITHUB_APP_ID ? `GitHub App ${settings.GITHUB_APP_ID}` : null,
  ].filter(Boolean);
  const auth =
    credentials.length > 0
      ? `with ${credentials.join(" and ")}`
      : "without credentials: public repositories only, 60 requests an hour";
  return `GitHub: ${api} (${where}), ${auth}`;
}
