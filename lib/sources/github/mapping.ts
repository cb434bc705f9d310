import type { Commit, Deploy, Person } from "../../parity/types";

/**
 * GitHub's records as the engine's `Commit` and `Deploy`. Deployments are the strongest signal;
 * workflow runs of deploy workflows fill in where no deployment exists; releases and version tags
 * are the weakest proxy (the engine labels them as such).
 */

/** Logins of platforms that create deployments on every push (their deploys are automatic). */
const INTEGRATIONS: readonly [RegExp, string][] = [
  [/^vercel(\[bot\])?$/i, "vercel"],
  [/^netlify(\[bot\])?$/i, "netlify"],
  [/^render(\[bot\])?$/i, "render"],
  [/^heroku(\[bot\])?$/i, "heroku"],
  [/^railway(-app)?(\[bot\])?$/i, "railway"],
  [/^fly(-io)?(\[bot\])?$/i, "fly"],
  [/^cloudflare(-pages|-workers-and-pages)?(\[bot\])?$/i, "cloudflare"],
  [/^azure-static-web-apps(\[bot\])?$/i, "azure"],
];

export function isBotLogin(login: string, typename?: string | null): boolean {
  return typename === "Bot" || /\[bot\]$/i.test(login);
}

export function person(login: string | null | undefined, typename?: string | null): Person | null {
  if (!login) return null;
  return { id: login, isBot: isBotLogin(login, typename) };
}

export function integrationOf(login: string | undefined): string | undefined {
  if (!login) return undefined;
  return INTEGRATIONS.find(([pattern]) => pattern.test(login))?.[1];
}

export interface RawCommit {
  oid: string;
  authoredDate: string;
  committedDate: string;
  parents?: { nodes: ({ oid: string } | null)[] | null } | null;
  author?: { name?: string | null; email?: string | null; user?: { login: string } | null } | null;
  associatedPullRequests?: {
    nodes:
      | ({ number: number; mergedAt: string | null; mergedBy: { login: string; __typename?: string } | null } | null)[]
      | null;
  } | null;
}

export function toCommit(raw: RawCommit): Commit {
  const login = raw.author?.user?.login;
  const name = raw.author?.name ?? "";
  const email = raw.author?.email ?? "";
  // Bots rarely resolve to a User; their git identity says `[bot]` in the name or noreply email.
  const author: Person | null = login
    ? person(login)
    : email || name
      ? { id: email || name, isBot: /\[bot\]/i.test(name) || /\[bot\]@/i.test(email) }
      : null;
  const pr = raw.associatedPullRequests?.nodes?.find((n) => n !== null) ?? null;
  return {
    sha: raw.oid,
    parents: (raw.parents?.nodes ?? []).flatMap((p) => (p ? [p.oid] : [])),
    author,
    authoredAt: raw.authoredDate,
    committedAt: raw.committedDate,
    pullRequest: pr
      ? { number: pr.number, mergedAt: pr.mergedAt, mergedBy: person(pr.mergedBy?.login, pr.mergedBy?.__typename) }
      : null,
  };
}

export interface RawDeployment {
  databaseId: number | null;
  environment: string | null;
  commitOid: string;
  createdAt: string;
  updatedAt?: string;
  creator: { login: string; __typename?: string } | null;
  /** Newest first, as GitHub returns them. */
  statuses: { nodes: ({ state: string; createdAt: string } | null)[] | null } | null;
}

export interface RawRun {
  id: number;
  path: string;
  event: string;
  head_sha: string;
  conclusion: string | null;
  updated_at: string;
  actor?: { login: string; type?: string } | null;
}

/** A deployment counts once it succeeded; `deployedAt` is its first success. */
export function deploymentToDeploy(raw: RawDeployment, runs: readonly RawRun[]): Deploy | null {
  const statuses = (raw.statuses?.nodes ?? []).flatMap((s) => (s ? [s] : []));
  const successes = statuses.filter((s) => s.state.toUpperCase() === "SUCCESS");
  const first = successes.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0];
  if (!first) return null;
  const login = raw.creator?.login;
  const integration = integrationOf(login);
  const run = runs.find((r) => r.head_sha === raw.commitOid);
  const trigger: Deploy["trigger"] = run
    ? runTrigger(run.event)
    : integration || login === "github-actions[bot]"
      ? "automatic"
      : login && !isBotLogin(login, raw.creator?.__typename)
        ? "manual"
        : "unknown";
  return {
    id: `deployment:${raw.databaseId ?? raw.createdAt}`,
    environment: raw.environment ?? "production",
    sha: raw.commitOid,
    deployedAt: first.createdAt,
    creator: person(login, raw.creator?.__typename),
    source: "deployment",
    trigger,
    ...(integration ? { integration } : {}),
  };
}

function runTrigger(event: string): Deploy["trigger"] {
  if (event === "push" || event === "merge_group") return "automatic";
  if (event === "workflow_dispatch" || event === "repository_dispatch") return "manual";
  return "unknown";
}

/** Runs of deploy workflows that no deployment already represents (same sha). */
export function runsToDeploys(
  runs: readonly RawRun[],
  deploys: readonly Deploy[],
  environmentOf: (workflowPath: string) => string,
): Deploy[] {
  const covered = new Set(deploys.map((d) => d.sha));
  return runs
    .filter((r) => r.conclusion === "success" && !covered.has(r.head_sha))
    .map((r) => ({
      id: `run:${r.id}`,
      environment: environmentOf(r.path),
      sha: r.head_sha,
      deployedAt: r.updated_at,
      creator: person(r.actor?.login, r.actor?.type),
      source: "workflow-run" as const,
      trigger: runTrigger(r.event),
    }));
}

export interface RawRelease {
  databaseId: number | null;
  tagName: string;
  publishedAt: string | null;
  isDraft: boolean;
  author: { login: string } | null;
  tagCommit: { oid: string } | null;
}

export interface RawTag {
  name: string;
  target: {
    __typename?: string;
    oid: string;
    committedDate?: string;
    target?: { oid: string; committedDate?: string };
  } | null;
}

const VERSION_TAG = /^v?\d+(\.\d+)+/;

export function releasesToDeploys(releases: readonly RawRelease[], tags: readonly RawTag[]): Deploy[] {
  const out: Deploy[] = [];
  const released = new Set<string>();
  for (const r of releases) {
    if (r.isDraft || !r.publishedAt || !r.tagCommit) continue;
    released.add(r.tagName);
    out.push({
      id: `release:${r.databaseId ?? r.tagName}`,
      environment: "production",
      sha: r.tagCommit.oid,
      deployedAt: r.publishedAt,
      creator: person(r.author?.login),
      source: "release",
      trigger: "unknown",
    });
  }
  for (const t of tags) {
    if (released.has(t.name) || !VERSION_TAG.test(t.name) || !t.target) continue;
    const commit = t.target.__typename === "Tag" ? t.target.target : t.target;
    if (!commit?.committedDate) continue;
    out.push({
      id: `tag:${t.name}`,
      environment: "production",
      sha: commit.oid,
      deployedAt: commit.committedDate,
      creator: null,
      source: "tag",
      trigger: "unknown",
    });
  }
  return out;
}
