import { errorMessage } from "../audit-progress-model";

/**
 * The scorecard's writes: a JSON POST to one of the repository's API routes, answering the parsed
 * body or throwing the server's own sentence (or `failed`, with the status, when it sent none).
 */
export async function postToRepository(
  repository: { owner: string; name: string },
  route: string,
  body: unknown,
  failed: string,
): Promise<unknown> {
  const path = `/api/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}/${route}`;
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(errorMessage(answer, `${failed} (HTTP ${response.status}).`));
  return answer;
}

/** The scorecard's secondary buttons (suppress, open a fix's pull request). */
export const actionButtonClass =
  "inline-flex items-center gap-1.5 rounded-md border border-neutral-300 px-2.5 py-1 text-sm font-medium hover:bg-neutral-100 disabled:opacity-60 dark:border-neutral-700 dark:hover:bg-neutral-800";
