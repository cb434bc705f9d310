import { githubCommitUrl, type RepoOnGitHub, shortSha } from "./format";

/** A commit's short sha, linking to it on GitHub (new tab). `className` adds to the underline. */
export function CommitLink({
  repository,
  sha,
  className = "",
}: {
  repository: RepoOnGitHub;
  sha: string;
  className?: string;
}) {
  return (
    <a
      href={githubCommitUrl(repository, sha)}
      target="_blank"
      rel="noreferrer"
      className={`underline underline-offset-2 ${className}`.trim()}
    >
      {shortSha(sha)}
    </a>
  );
}
