"use client";

import { useMutation } from "@tanstack/react-query";
import { ExternalLink, GitPullRequest } from "lucide-react";
import { actionButtonClass as buttonClass, postToRepository } from "./repository-api";

/** What `POST /api/repos/{owner}/{repo}/fixes` answers (lib/auth/fix-pull-requests.ts). */
interface OpenedPullRequest {
  url: string;
  number: number;
  branch: string;
  updated: boolean;
}

async function openPullRequest(
  owner: string,
  name: string,
  body: { fingerprint: string } | { all: true },
): Promise<OpenedPullRequest> {
  const answer = await postToRepository({ owner, name }, "fixes", body, "The pull request could not be opened");
  return (answer as { pullRequest: OpenedPullRequest }).pullRequest;
}

/**
 * "Open pull request" for one proven fix or all of them. A second press finds the pull request
 * already open and updates it (the server's branch name is fixed per selection), so pressing
 * again is safe, and the answer says which happened.
 */
export function OpenFixPullRequest({
  owner,
  name,
  target,
  label,
}: {
  owner: string;
  name: string;
  target: { fingerprint: string } | { all: true };
  label: string;
}) {
  const mutation = useMutation({ mutationFn: () => openPullRequest(owner, name, target) });
  const opened = mutation.data;
  return (
    <div className="space-y-1.5">
      <button type="button" className={buttonClass} disabled={mutation.isPending} onClick={() => mutation.mutate()}>
        <GitPullRequest className="size-3.5" aria-hidden />
        {mutation.isPending ? "Opening the pull request…" : label}
      </button>
      {opened ? (
        <p role="status" className="text-sm">
          {opened.updated ? "Updated" : "Opened"} pull request{" "}
          <a href={opened.url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 underline">
            #{opened.number}
            <ExternalLink className="size-3" aria-hidden />
          </a>{" "}
          on branch <code className="font-mono text-xs">{opened.branch}</code>. The finding leaves the score at the
          first audit after it is merged.
        </p>
      ) : null}
      {mutation.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {mutation.error.message}
        </p>
      ) : null}
    </div>
  );
}
