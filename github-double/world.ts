import { createHash } from "node:crypto";

/**
 * The in-memory world behind the GitHub double: repositories with files at commits, deployments,
 * workflow runs, releases, tags, pull requests, comments and check runs. Shas are git's own
 * (`blob <size>\0<bytes>`) so the blob shas in a tree are the ones `git hash-object` prints.
 */

export interface Account {
  login: string;
  type: "User" | "Bot" | "Organization";
  id: number;
}

export interface WorldCommit {
  sha: string;
  parents: string[];
  treeSha: string;
  /** path -> blob sha */
  files: Map<string, string>;
  message: string;
  author: { name: string; email: string; login: string | null; isBot: boolean };
  authoredAt: string;
  committedAt: string;
  changed: string[];
  pullRequest: number | null;
}

export interface WorldDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  creator: Account;
  createdAt: string;
  updatedAt: string;
  statuses: { id: number; state: DeploymentState; createdAt: string; creator: Account }[];
}

export type DeploymentState = "success" | "failure" | "error" | "inactive" | "in_progress" | "queued" | "pending";

export interface WorldRun {
  id: number;
  name: string;
  /** `.github/workflows/deploy.yml` */
  path: string;
  event: string;
  branch: string;
  sha: string;
  status: "completed" | "in_progress" | "queued";
  conclusion: "success" | "failure" | "cancelled" | null;
  actor: Account;
  createdAt: string;
  updatedAt: string;
}

export interface WorldRelease {
  id: number;
  tagName: string;
  name: string;
  sha: string;
  author: Account;
  createdAt: string;
  publishedAt: string | null;
  draft: boolean;
  prerelease: boolean;
}

export interface WorldPull {
  number: number;
  title: string;
  body: string | null;
  user: Account;
  headSha: string;
  headRef: string;
  baseRef: string;
  state: "open" | "closed";
  mergedAt: string | null;
  mergedBy: Account | null;
  mergeCommitSha: string | null;
  createdAt: string;
  files: { filename: string; status: "added" | "modified" | "removed"; additions: number; deletions: number }[];
}

export interface WorldComment {
  id: number;
  issueNumber: number;
  body: string;
  user: Account;
  createdAt: string;
  updatedAt: string;
}

/** A submitted pull request review (`POST pulls/{n}/reviews`) and its line comments. */
export interface WorldReview {
  id: number;
  pullNumber: number;
  body: string;
  state: "COMMENTED" | "APPROVED" | "CHANGES_REQUESTED" | "PENDING";
  commitId: string;
  user: Account;
  submittedAt: string;
}

export interface WorldReviewComment {
  id: number;
  reviewId: number;
  pullNumber: number;
  path: string;
  /** RIGHT-side line in the head file; `startLine` for a multi-line comment. */
  line: number;
  startLine: number | null;
  side: "LEFT" | "RIGHT";
  body: string;
  commitId: string;
  diffHunk: string;
  user: Account;
  createdAt: string;
}

export interface WorldCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  output: unknown;
  startedAt: string;
  completedAt: string | null;
}

export interface WorldRepo {
  id: number;
  owner: Account;
  name: string;
  fullName: string;
  private: boolean;
  defaultBranch: string;
  createdAt: string;
  pushedAt: string;
  branches: Map<string, string>;
  commits: Map<string, WorldCommit>;
  tags: Map<string, string>;
  deployments: WorldDeployment[];
  runs: WorldRun[];
  releases: WorldRelease[];
  pulls: WorldPull[];
  comments: WorldComment[];
  reviews: WorldReview[];
  reviewComments: WorldReviewComment[];
  checkRuns: WorldCheckRun[];
  installationId: number | null;
  /** Blobs made through `POST git/blobs` or a tree's `content`: readable before a commit holds them. */
  createdBlobs: Set<string>;
}

export interface CommitInput {
  /** path -> new content; null deletes the path. */
  files: Record<string, string | Buffer | null>;
  message: string;
  author: { name: string; email: string; login?: string | null; isBot?: boolean };
  /** ISO 8601; the committer date is the same unless `committedAt` is given. */
  at: string;
  committedAt?: string;
  branch?: string;
  pullRequest?: { number: number; mergedBy: string; title?: string } | null;
}

export function gitBlobSha(content: string | Buffer): string {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return createHash("sha1")
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest("hex");
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** The double's tree sha: a hash of its sorted `path blob` lines (the same files, the same sha). */
export function treeShaOf(files: ReadonlyMap<string, string>): string {
  return sha1(
    [...files.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([p, s]) => `${p} ${s}`)
      .join("\n"),
  );
}

export class World {
  readonly repos = new Map<string, WorldRepo>();
  readonly blobs = new Map<string, Buffer>();
  /** Trees made through `POST git/trees` (tree sha -> path -> blob sha); commits carry their own. */
  readonly trees = new Map<string, Map<string, string>>();
  readonly accounts = new Map<string, Account>();
  /** Sign-in: OAuth client id -> secret, and which private repositories each user may read. */
  readonly oauthApps = new Map<string, string>();
  readonly userAccess = new Map<string, Set<string>>();
  private nextId = 1000;

  /** A person who can sign in; public repositories are visible to everyone, private ones as listed. */
  addUser(login: string, options: { repos?: readonly string[] } = {}): Account {
    const account = this.account(login);
    this.userAccess.set(login.toLowerCase(), new Set((options.repos ?? []).map((name) => name.toLowerCase())));
    return account;
  }

  grantAccess(login: string, fullName: string): void {
    const access = this.userAccess.get(login.toLowerCase()) ?? new Set<string>();
    access.add(fullName.toLowerCase());
    this.userAccess.set(login.toLowerCase(), access);
  }

  userCanSee(login: string, repo: WorldRepo): boolean {
    return !repo.private || Boolean(this.userAccess.get(login.toLowerCase())?.has(repo.fullName.toLowerCase()));
  }

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  account(login: string): Account {
    const found = this.accounts.get(login.toLowerCase());
    if (found) return found;
    const type = login.endsWith("[bot]") ? "Bot" : "User";
    const created: Account = { login, type, id: this.id() };
    this.accounts.set(login.toLowerCase(), created);
    return created;
  }

  addRepo(input: {
    owner: string;
    name: string;
    defaultBranch?: string;
    private?: boolean;
    createdAt?: string;
    installationId?: number | null;
  }): WorldRepo {
    const owner = this.account(input.owner);
    if (owner.type === "User") owner.type = "Organization";
    const repo: WorldRepo = {
      id: this.id(),
      owner,
      name: input.name,
      fullName: `${input.owner}/${input.name}`,
      private: input.private ?? false,
      defaultBranch: input.defaultBranch ?? "main",
      createdAt: input.createdAt ?? "2024-01-01T00:00:00Z",
      pushedAt: input.createdAt ?? "2024-01-01T00:00:00Z",
      branches: new Map(),
      commits: new Map(),
      tags: new Map(),
      deployments: [],
      runs: [],
      releases: [],
      pulls: [],
      comments: [],
      reviews: [],
      reviewComments: [],
      checkRuns: [],
      installationId: input.installationId ?? null,
      createdBlobs: new Set(),
    };
    this.repos.set(repo.fullName.toLowerCase(), repo);
    return repo;
  }

  repo(fullName: string): WorldRepo {
    const found = this.repos.get(fullName.toLowerCase());
    if (!found) throw new Error(`no repository ${fullName} in the world`);
    return found;
  }

  findRepo(owner: string, name: string): WorldRepo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  commit(fullName: string, input: CommitInput): WorldCommit {
    const repo = this.repo(fullName);
    const branch = input.branch ?? repo.defaultBranch;
    const parentSha = repo.branches.get(branch);
    const parent = parentSha ? repo.commits.get(parentSha) : undefined;
    const files = new Map(parent?.files ?? []);
    const changed: string[] = [];
    for (const [path, content] of Object.entries(input.files)) {
      changed.push(path);
      if (content === null) {
        files.delete(path);
        continue;
      }
      const blobSha = gitBlobSha(content);
      this.blobs.set(blobSha, typeof content === "string" ? Buffer.from(content, "utf8") : content);
      files.set(path, blobSha);
    }
    const treeSha = treeShaOf(files);
    const committedAt = input.committedAt ?? input.at;
    const sha = sha1(`${treeSha}\n${parentSha ?? ""}\n${input.message}\n${input.at}\n${input.author.email}`);
    const login = input.author.login ?? null;
    const commit: WorldCommit = {
      sha,
      parents: parentSha ? [parentSha] : [],
      treeSha,
      files,
      message: input.message,
      author: {
        name: input.author.name,
        email: input.author.email,
        login,
        isBot: input.author.isBot ?? Boolean(login?.endsWith("[bot]")),
      },
      authoredAt: input.at,
      committedAt,
      changed,
      pullRequest: input.pullRequest?.number ?? null,
    };
    repo.commits.set(sha, commit);
    repo.branches.set(branch, sha);
    repo.pushedAt = committedAt;
    if (input.pullRequest) {
      const author = login ? this.account(login) : this.account(input.author.name.replace(/\s+/g, "-").toLowerCase());
      repo.pulls.push({
        number: input.pullRequest.number,
        title: input.pullRequest.title ?? input.message.split("\n")[0] ?? "",
        body: null,
        user: author,
        headSha: sha,
        headRef: `pr-${input.pullRequest.number}`,
        baseRef: branch,
        state: "closed",
        mergedAt: committedAt,
        mergedBy: this.account(input.pullRequest.mergedBy),
        mergeCommitSha: sha,
        createdAt: input.at,
        files: changed.map((filename) => ({
          filename,
          status: input.files[filename] === null ? "removed" : parent?.files.has(filename) ? "modified" : "added",
          additions: 1,
          deletions: 0,
        })),
      });
    }
    return commit;
  }

  deploy(
    fullName: string,
    input: { sha: string; environment: string; creator: string; at: string; state?: DeploymentState; ref?: string },
  ): WorldDeployment {
    const repo = this.repo(fullName);
    const creator = this.account(input.creator);
    const deployment: WorldDeployment = {
      id: this.id(),
      sha: input.sha,
      ref: input.ref ?? repo.defaultBranch,
      environment: input.environment,
      creator,
      createdAt: input.at,
      updatedAt: input.at,
      statuses: [],
    };
    repo.deployments.push(deployment);
    if (input.state) this.deploymentStatus(deployment, input.state, input.at);
    return deployment;
  }

  /** Adds a status; like GitHub, this bumps the deployment's `updated_at` (and so its ETag). */
  deploymentStatus(deployment: WorldDeployment, state: DeploymentState, at: string): void {
    deployment.statuses.push({ id: this.id(), state, createdAt: at, creator: deployment.creator });
    deployment.updatedAt = at;
  }

  run(fullName: string, input: Omit<WorldRun, "id" | "actor" | "updatedAt"> & { actor: string }): WorldRun {
    const repo = this.repo(fullName);
    const run: WorldRun = { ...input, id: this.id(), actor: this.account(input.actor), updatedAt: input.createdAt };
    repo.runs.push(run);
    return run;
  }

  release(
    fullName: string,
    input: { tagName: string; sha: string; author: string; at: string; draft?: boolean; prerelease?: boolean },
  ): WorldRelease {
    const repo = this.repo(fullName);
    const release: WorldRelease = {
      id: this.id(),
      tagName: input.tagName,
      name: input.tagName,
      sha: input.sha,
      author: this.account(input.author),
      createdAt: input.at,
      publishedAt: input.draft ? null : input.at,
      draft: input.draft ?? false,
      prerelease: input.prerelease ?? false,
    };
    repo.releases.push(release);
    repo.tags.set(input.tagName, input.sha);
    return release;
  }

  tag(fullName: string, name: string, sha: string): void {
    this.repo(fullName).tags.set(name, sha);
  }

  /** A new branch at a commit (`POST git/refs`). */
  branch(repo: WorldRepo, name: string, sha: string): void {
    repo.branches.set(name, sha);
  }

  /** The files a pull request from `headSha` into `base` changes, as GitHub lists them. */
  pullFiles(repo: WorldRepo, base: string, headSha: string): WorldPull["files"] {
    const baseFiles = this.resolveCommit(repo, base)?.files ?? new Map<string, string>();
    const headFiles = repo.commits.get(headSha)?.files ?? new Map<string, string>();
    const files: WorldPull["files"] = [];
    for (const [filename, blob] of headFiles) {
      if (baseFiles.get(filename) !== blob) {
        files.push({ filename, status: baseFiles.has(filename) ? "modified" : "added", additions: 1, deletions: 0 });
      }
    }
    for (const filename of baseFiles.keys()) {
      if (!headFiles.has(filename)) files.push({ filename, status: "removed", additions: 0, deletions: 1 });
    }
    return files;
  }

  /** An open pull request by the App's bot, from `head` into `base` (`POST pulls`). */
  openPull(repo: WorldRepo, input: { title: string; head: string; base: string; body: string | null }): WorldPull {
    const headSha = repo.branches.get(input.head) ?? "";
    const pull: WorldPull = {
      number: Math.max(0, ...repo.pulls.map((existing) => existing.number)) + 1,
      title: input.title,
      body: input.body,
      user: this.account("parity-double[bot]"),
      headSha,
      headRef: input.head,
      baseRef: input.base,
      state: "open",
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      createdAt: new Date().toISOString(),
      files: this.pullFiles(repo, input.base, headSha),
    };
    repo.pulls.push(pull);
    return pull;
  }

  /** A commit from a tree (`POST git/commits`): stored, no branch moves. */
  createCommit(
    repo: WorldRepo,
    input: {
      message: string;
      files: Map<string, string>;
      parents: string[];
      author: WorldCommit["author"];
      at: string;
    },
  ): WorldCommit {
    const treeSha = treeShaOf(input.files);
    const parent = repo.commits.get(input.parents[0] ?? "");
    const changed = [...new Set([...input.files.keys(), ...(parent?.files.keys() ?? [])])].filter(
      (path) => input.files.get(path) !== parent?.files.get(path),
    );
    const sha = sha1(`${treeSha}\n${input.parents.join(",")}\n${input.message}\n${input.at}\n${input.author.email}`);
    const commit: WorldCommit = {
      sha,
      parents: input.parents,
      treeSha,
      files: input.files,
      message: input.message,
      author: input.author,
      authoredAt: input.at,
      committedAt: input.at,
      changed,
      pullRequest: null,
    };
    repo.commits.set(sha, commit);
    return commit;
  }

  /** Moves a branch (`PATCH git/refs`); its open pull requests follow their new head. */
  moveBranch(repo: WorldRepo, branch: string, sha: string): void {
    repo.branches.set(branch, sha);
    if (branch === repo.defaultBranch) repo.pushedAt = repo.commits.get(sha)?.committedAt ?? repo.pushedAt;
    for (const pull of repo.pulls) {
      if (pull.state !== "open") continue;
      if (pull.headRef === branch) pull.headSha = sha;
      if (pull.headRef === branch || pull.baseRef === branch) {
        pull.files = this.pullFiles(repo, pull.baseRef, pull.headSha);
      }
    }
  }

  /** Whether `sha` is `ancestor` or descends from it (first parents and merges alike). */
  descends(repo: WorldRepo, sha: string, ancestor: string): boolean {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.pop() ?? "";
      if (next === ancestor) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(repo.commits.get(next)?.parents ?? []));
    }
    return false;
  }

  /**
   * Merges an open pull request (`PUT pulls/{n}/merge`): one commit on the base branch holding the
   * base tip's files with the head's changes since their merge base applied, marked as the pull
   * request's, like the merges the seed writes.
   */
  merge(repo: WorldRepo, pull: WorldPull, input: { by: string; title?: string; at?: string }): WorldCommit {
    const head = repo.commits.get(pull.headSha);
    let base = head;
    while (base && !this.descends(repo, repo.branches.get(pull.baseRef) ?? "", base.sha)) {
      base = repo.commits.get(base.parents[0] ?? "");
    }
    const baseFiles = base?.files ?? new Map<string, string>();
    const headFiles = head?.files ?? new Map<string, string>();
    const files: Record<string, string | Buffer | null> = {};
    for (const [path, blob] of headFiles) {
      if (baseFiles.get(path) !== blob) files[path] = this.blobs.get(blob) ?? Buffer.alloc(0);
    }
    for (const path of baseFiles.keys()) if (!headFiles.has(path)) files[path] = null;
    const at = input.at ?? new Date().toISOString();
    const author = this.account(input.by);
    const commit = this.commit(repo.fullName, {
      files,
      message: input.title ?? `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.headRef}`,
      author: { name: author.login, email: `${author.login}@users.noreply.github.com`, login: author.login },
      at,
      branch: pull.baseRef,
    });
    pull.state = "closed";
    pull.mergedAt = at;
    pull.mergedBy = author;
    pull.mergeCommitSha = commit.sha;
    commit.pullRequest = pull.number;
    return commit;
  }

  /** Resolves a branch name, a full or abbreviated commit sha, or a tree sha to a commit. */
  resolveCommit(repo: WorldRepo, ref: string): WorldCommit | undefined {
    const name = ref === "HEAD" ? repo.defaultBranch : ref.replace(/^refs\/heads\//, "");
    const branchSha = repo.branches.get(name);
    if (branchSha) return repo.commits.get(branchSha);
    const direct = repo.commits.get(ref);
    if (direct) return direct;
    for (const commit of repo.commits.values()) {
      if (commit.treeSha === ref || (ref.length >= 7 && commit.sha.startsWith(ref))) return commit;
    }
    return undefined;
  }

  /** Default-branch commits, newest first, following first parents. */
  history(repo: WorldRepo, fromSha?: string): WorldCommit[] {
    const out: WorldCommit[] = [];
    let sha: string | undefined = fromSha ?? repo.branches.get(repo.defaultBranch);
    while (sha) {
      const commit = repo.commits.get(sha);
      if (!commit) break;
      out.push(commit);
      sha = commit.parents[0];
    }
    return out;
  }
}
