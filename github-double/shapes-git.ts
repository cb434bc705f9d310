import { HTML, nodeId, simpleUser } from "./shapes-account";
import type { Account, WorldCommit, WorldRelease, WorldRepo } from "./world";

/** Commits, tags and releases in GitHub's REST shapes. */

export function commitJson(api: string, r: WorldRepo, c: WorldCommit, author: Account | null) {
  const url = `${api}/repos/${r.fullName}/commits/${c.sha}`;
  const gitAuthor = { name: c.author.name, email: c.author.email, date: c.authoredAt };
  return {
    url,
    sha: c.sha,
    node_id: nodeId("Commit", c.sha),
    html_url: `${HTML}/${r.fullName}/commit/${c.sha}`,
    comments_url: `${url}/comments`,
    commit: {
      url: `${api}/repos/${r.fullName}/git/commits/${c.sha}`,
      author: gitAuthor,
      committer: { ...gitAuthor, date: c.committedAt },
      message: c.message,
      comment_count: 0,
      tree: { sha: c.treeSha, url: `${api}/repos/${r.fullName}/git/trees/${c.treeSha}` },
    },
    author: author ? simpleUser(api, author) : null,
    committer: author ? simpleUser(api, author) : null,
    parents: c.parents.map((sha) => ({
      sha,
      url: `${api}/repos/${r.fullName}/commits/${sha}`,
      html_url: `${HTML}/${r.fullName}/commit/${sha}`,
    })),
  };
}

export function tagJson(api: string, r: WorldRepo, name: string, sha: string) {
  return {
    name,
    commit: { sha, url: `${api}/repos/${r.fullName}/commits/${sha}` },
    zipball_url: `${api}/repos/${r.fullName}/zipball/refs/tags/${name}`,
    tarball_url: `${api}/repos/${r.fullName}/tarball/refs/tags/${name}`,
    node_id: nodeId("Ref", name),
  };
}

export function releaseJson(api: string, r: WorldRepo, rel: WorldRelease) {
  const url = `${api}/repos/${r.fullName}/releases/${rel.id}`;
  return {
    url,
    html_url: `${HTML}/${r.fullName}/releases/tag/${rel.tagName}`,
    assets_url: `${url}/assets`,
    upload_url: `https://uploads.github.com/repos/${r.fullName}/releases/${rel.id}/assets{?name,label}`,
    tarball_url: `${api}/repos/${r.fullName}/tarball/${rel.tagName}`,
    zipball_url: `${api}/repos/${r.fullName}/zipball/${rel.tagName}`,
    id: rel.id,
    node_id: nodeId("Release", rel.id),
    tag_name: rel.tagName,
    target_commitish: rel.sha,
    name: rel.name,
    body: null,
    draft: rel.draft,
    prerelease: rel.prerelease,
    immutable: false,
    created_at: rel.createdAt,
    published_at: rel.publishedAt,
    author: simpleUser(api, rel.author),
    assets: [],
  };
}
