/**
 * The audit's GraphQL documents. One query carries the claimed blobs (as `object(oid:)` aliases),
 * the head commit, deployments, releases, tags and the default-branch history since a date;
 * follow-up queries page history and carry the blobs that did not fit the first one.
 */

export const HISTORY_PAGE = 100;

const COMMIT_FIELDS = `oid authoredDate committedDate
  parents(first: 2) { nodes { oid } }
  author { name email user { login } }
  associatedPullRequests(first: 1) { nodes { number mergedAt mergedBy { __typename login } } }`;

const BLOB_FIELDS = "... on Blob { oid byteSize isBinary isTruncated text }";

function blobAliases(oids: readonly string[]): string {
  return oids.map((oid, i) => `b${i}: object(oid: "${oid}") { ${BLOB_FIELDS} }`).join("\n    ");
}

export function snapshotQuery(oids: readonly string[]): string {
  return `query ParitySnapshot($owner: String!, $name: String!, $since: GitTimestamp!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    isPrivate
    defaultBranchRef {
      name
      target {
        ... on Commit {
          oid
          tree { oid }
          history(first: ${HISTORY_PAGE}, since: $since) {
            pageInfo { hasNextPage endCursor }
            nodes { ${COMMIT_FIELDS} }
          }
        }
      }
    }
    deployments(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage }
      nodes {
        databaseId environment commitOid createdAt updatedAt
        creator { __typename login }
        statuses(first: 10) { nodes { state createdAt } }
      }
    }
    releases(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {
      nodes { databaseId tagName publishedAt isDraft author { login } tagCommit { oid } }
    }
    refs(refPrefix: "refs/tags/", first: 50, orderBy: { field: TAG_COMMIT_DATE, direction: DESC }) {
      nodes {
        name
        target {
          __typename oid
          ... on Commit { committedDate }
          ... on Tag { target { oid ... on Commit { committedDate } } }
        }
      }
    }
    ${blobAliases(oids)}
  }
}`;
}

export function historyPageQuery(): string {
  return `query ParityHistory($owner: String!, $name: String!, $oid: GitObjectID!, $since: GitTimestamp!, $after: String!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    object(oid: $oid) {
      ... on Commit {
        history(first: ${HISTORY_PAGE}, since: $since, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { ${COMMIT_FIELDS} }
        }
      }
    }
  }
}`;
}

export function blobsQuery(oids: readonly string[]): string {
  return `query ParityBlobs($owner: String!, $name: String!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    ${blobAliases(oids)}
  }
}`;
}

export interface RawBlob {
  oid: string;
  byteSize: number;
  isBinary: boolean | null;
  isTruncated: boolean;
  text: string | null;
}

/** Splits blobs into batches by count and by total size, so no response grows past GitHub's limits. */
export function batchBlobs<T extends { size: number }>(
  items: readonly T[],
  maxCount = 80,
  maxBytes = 3_000_000,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length && (current.length >= maxCount || bytes + item.size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.size;
  }
  if (current.length) batches.push(current);
  return batches;
}
