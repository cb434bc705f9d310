import { schema as published } from "@octokit/graphql-schema";
import {
  buildSchema,
  type DocumentNode,
  type ExecutionResult,
  execute,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  parse,
  type SelectionSetNode,
  type ValueNode,
  validate,
} from "graphql";
import type { Account, World, WorldCommit, WorldRepo } from "./world";

/**
 * GraphQL over GitHub's published schema (@octokit/graphql-schema): a query GitHub would reject
 * is rejected here by the same validation. Resolvers cover the fields Parity uses; other fields
 * of the schema resolve to null (and fail like GitHub would if non-null).
 */

let cached: GraphQLSchema | undefined;

/** The published SDL repeats a few enterprise fields; GitHub's own server accepts it, so skip SDL
 *  re-validation (the operations are still validated against the built schema). */
export function githubSchema(): GraphQLSchema {
  cached ??= buildSchema(published.idl, { assumeValidSDL: true });
  return cached;
}

export const MAX_BLOB_BYTES = 1024 * 1024;

class NotFound extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { type: "NOT_FOUND" } });
  }
}

interface Args {
  first?: number;
  after?: string;
  last?: number;
  since?: string;
  until?: string;
  environments?: string[];
  orderBy?: { field: string; direction: "ASC" | "DESC" };
  oid?: string;
  expression?: string;
  refPrefix?: string;
}

function connection<T>(items: T[], args: Args) {
  const n = args.first ?? args.last ?? 100;
  const afterIndex = args.after
    ? Number(Buffer.from(args.after, "base64").toString("utf8").replace("cursor:", ""))
    : -1;
  const start = Number.isInteger(afterIndex) ? afterIndex + 1 : 0;
  if (n > 100) {
    throw new GraphQLError(`Requesting ${n} records on the connection exceeds the \`first\` limit of 100 records.`, {
      extensions: { type: "EXCESSIVE_PAGINATION" },
    });
  }
  const from = args.last !== undefined ? Math.max(items.length - n, 0) : start;
  const nodes = items.slice(from, from + n);
  const cursor = (i: number) => Buffer.from(`cursor:${i}`).toString("base64");
  return {
    totalCount: items.length,
    nodes,
    edges: nodes.map((node, i) => ({ node, cursor: cursor(from + i) })),
    pageInfo: {
      hasNextPage: from + nodes.length < items.length,
      hasPreviousPage: from > 0,
      endCursor: nodes.length ? cursor(from + nodes.length - 1) : null,
      startCursor: nodes.length ? cursor(from) : null,
    },
  };
}

function actor(a: Account | null) {
  if (!a) return null;
  return { __typename: a.type === "Bot" ? "Bot" : "User", login: a.login, id: `A_${a.id}`, databaseId: a.id };
}

function blobNode(world: World, sha: string) {
  const bytes = world.blobs.get(sha);
  if (!bytes) return null;
  const isBinary = bytes.subarray(0, 8000).includes(0);
  const isTruncated = bytes.length > MAX_BLOB_BYTES;
  return {
    __typename: "Blob",
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    byteSize: bytes.length,
    isBinary,
    isTruncated,
    text: isBinary || isTruncated ? null : bytes.toString("utf8"),
  };
}

function commitNode(world: World, repo: WorldRepo, c: WorldCommit): Record<string, unknown> {
  const pull = c.pullRequest === null ? undefined : repo.pulls.find((p) => p.number === c.pullRequest);
  const user = c.author.login ? world.account(c.author.login) : null;
  return {
    __typename: "Commit",
    id: `C_${c.sha}`,
    oid: c.sha,
    abbreviatedOid: c.sha.slice(0, 7),
    message: c.message,
    messageHeadline: c.message.split("\n")[0] ?? "",
    authoredDate: c.authoredAt,
    committedDate: c.committedAt,
    pushedDate: c.committedAt,
    changedFilesIfAvailable: c.changed.length,
    tree: { __typename: "Tree", id: `T_${c.treeSha}`, oid: c.treeSha },
    author: {
      name: c.author.name,
      email: c.author.email,
      date: c.authoredAt,
      user: user && user.type !== "Bot" ? { __typename: "User", login: user.login, id: `U_${user.id}` } : null,
    },
    committer: { name: c.author.name, email: c.author.email, date: c.committedAt, user: null },
    parents: (args: Args) =>
      connection(
        c.parents.map((oid) => ({ __typename: "Commit", oid, abbreviatedOid: oid.slice(0, 7) })),
        args,
      ),
    associatedPullRequests: (args: Args) =>
      connection(
        pull
          ? [
              {
                __typename: "PullRequest",
                number: pull.number,
                title: pull.title,
                merged: pull.mergedAt !== null,
                mergedAt: pull.mergedAt,
                mergedBy: actor(pull.mergedBy),
                author: actor(pull.user),
              },
            ]
          : [],
        args,
      ),
    history: (args: Args) => {
      const since = args.since ? Date.parse(args.since) : Number.NEGATIVE_INFINITY;
      const until = args.until ? Date.parse(args.until) : Number.POSITIVE_INFINITY;
      const commits = world.history(repo, c.sha).filter((h) => {
        const t = Date.parse(h.committedAt);
        return t >= since && t <= until;
      });
      return connection(
        commits.map((h) => commitNode(world, repo, h)),
        args,
      );
    },
  };
}

function repositoryNode(world: World, repo: WorldRepo) {
  const head = world.resolveCommit(repo, repo.defaultBranch);
  return {
    __typename: "Repository",
    id: `R_${repo.id}`,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.fullName,
    isPrivate: repo.private,
    isArchived: false,
    owner: actor(repo.owner),
    pushedAt: repo.pushedAt,
    defaultBranchRef: head
      ? { __typename: "Ref", name: repo.defaultBranch, prefix: "refs/heads/", target: commitNode(world, repo, head) }
      : null,
    object: (args: Args) => {
      if (args.expression) {
        const [ref = "", path = ""] = args.expression.split(":");
        const commit = world.resolveCommit(repo, ref || repo.defaultBranch);
        const sha = commit?.files.get(path);
        return sha ? blobNode(world, sha) : null;
      }
      const oid = args.oid ?? "";
      const commit = repo.commits.get(oid);
      if (commit) return commitNode(world, repo, commit);
      return blobNode(world, oid);
    },
    deployments: (args: Args) => {
      const envs = args.environments;
      const asc = [...repo.deployments]
        .filter((d) => !envs || envs.includes(d.environment))
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
      const ordered = args.orderBy?.direction === "DESC" ? asc.reverse() : asc;
      return connection(
        ordered.map((d) => ({
          __typename: "Deployment",
          id: `DE_${d.id}`,
          databaseId: d.id,
          environment: d.environment,
          originalEnvironment: d.environment,
          commitOid: d.sha,
          createdAt: d.createdAt,
          updatedAt: d.updatedAt,
          task: "deploy",
          creator: actor(d.creator),
          state: (d.statuses.at(-1)?.state ?? "pending").toUpperCase(),
          latestStatus: d.statuses.length ? statusNode(d.statuses.at(-1)) : null,
          statuses: (sArgs: Args) => connection([...d.statuses].reverse().map(statusNode), sArgs),
        })),
        args,
      );
    },
    releases: (args: Args) => {
      const asc = [...repo.releases].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
      const ordered = args.orderBy?.direction === "DESC" ? asc.reverse() : asc;
      return connection(
        ordered.map((r) => {
          const commit = repo.commits.get(r.sha);
          return {
            __typename: "Release",
            id: `RE_${r.id}`,
            databaseId: r.id,
            name: r.name,
            tagName: r.tagName,
            createdAt: r.createdAt,
            publishedAt: r.publishedAt,
            isDraft: r.draft,
            isPrerelease: r.prerelease,
            author: r.author.type === "Bot" ? null : actor(r.author),
            tagCommit: commit ? commitNode(world, repo, commit) : null,
          };
        }),
        args,
      );
    },
    refs: (args: Args) => {
      if (args.refPrefix !== "refs/tags/" && args.refPrefix !== "refs/heads/") return connection([], args);
      const source = args.refPrefix === "refs/tags/" ? repo.tags : repo.branches;
      const refs = [...source.entries()].map(([name, sha]) => {
        const commit = repo.commits.get(sha);
        return {
          __typename: "Ref",
          id: `REF_${name}`,
          name,
          prefix: args.refPrefix,
          target: commit ? commitNode(world, repo, commit) : { __typename: "Commit", oid: sha },
        };
      });
      return connection(refs, args);
    },
  };
}

function statusNode(s: { id: number; state: string; createdAt: string } | undefined) {
  if (!s) return null;
  return { __typename: "DeploymentStatus", id: `DS_${s.id}`, state: s.state.toUpperCase(), createdAt: s.createdAt };
}

/** GitHub's documented point cost: each connection needs (product of the `first`s above it)
 *  requests; the sum over 100, at least 1 (https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api). */
export function queryCost(doc: DocumentNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  let requests = 0;
  function argNumber(node: FieldNode): number | undefined {
    const arg = node.arguments?.find((a) => a.name.value === "first" || a.name.value === "last");
    if (!arg) return undefined;
    return numberValue(arg.value, variables);
  }
  function walk(set: SelectionSetNode | undefined, multiplier: number): void {
    if (!set) return;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const n = argNumber(sel);
        if (n === undefined) {
          walk(sel.selectionSet, multiplier);
          continue;
        }
        requests += multiplier;
        walk(sel.selectionSet, multiplier * n);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, multiplier);
      } else {
        walk(fragments.get(sel.name.value)?.selectionSet, multiplier);
      }
    }
  }
  for (const def of doc.definitions) if (def.kind === Kind.OPERATION_DEFINITION) walk(def.selectionSet, 1);
  return Math.max(1, Math.round(requests / 100));
}

function numberValue(value: ValueNode, variables: Record<string, unknown>): number | undefined {
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === "number" ? v : undefined;
  }
  return undefined;
}

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface RateLimitView {
  limit: number;
  remaining: number;
  used: number;
  resetAt: string;
}

/** Executes one request. `charge` is called with the computed cost before execution. */
export async function runGraphql(
  world: World,
  body: GraphqlRequest,
  charge: (cost: number) => RateLimitView,
): Promise<{ result: ExecutionResult; cost: number }> {
  const schema = githubSchema();
  let doc: DocumentNode;
  try {
    doc = parse(body.query);
  } catch (error) {
    return { result: { errors: [error as GraphQLError] }, cost: 0 };
  }
  const errors = validate(schema, doc);
  if (errors.length) return { result: { errors }, cost: 0 };
  const variables = body.variables ?? {};
  const cost = queryCost(doc, variables);
  const limit = charge(cost);
  const rootValue = {
    repository: (args: { owner: string; name: string }) => {
      const repo = world.findRepo(args.owner, args.name);
      if (!repo) throw new NotFound(`Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`);
      return repositoryNode(world, repo);
    },
    rateLimit: () => ({ ...limit, cost, nodeCount: cost * 100 }),
  };
  const result = await execute({
    schema,
    document: doc,
    rootValue,
    variableValues: variables,
    operationName: body.operationName,
  });
  return { result, cost };
}
