import { recordPullRequest } from "../db/queries/suppressions";
import { jsonBodyOnce } from "../http/body";
import { apiContext } from "../http/context";
import type { RepoParams } from "../http/handlers";
import { requestSuppression, suppressionResponse } from "../http/suppressions";
import { openSuppressionPullRequest } from "../suppressions/pull-request";
import { apiViewer } from "./api";
import { appPullRequestClients, type PullRequestClients } from "./app-installation-client";

/**
 * `POST /api/repos/{owner}/{repo}/suppressions`, behind withRepositoryAccess: records who asked
 * (their GitHub login in team mode) and, when asked (`"pullRequest": true`) and the GitHub App is
 * installed on the repository, opens a pull request with the lines. A pull request that fails
 * leaves the lines and the pending request as they are, with the reason in `pullRequestError`.
 */

export function postSuppressionWith(clients: PullRequestClients) {
  return async (request: Request, params: RepoParams): Promise<Response> => {
    const viewer = await apiViewer(request);
    const login = viewer.mode === "team" ? viewer.session.login : null;
    const { answer, requestId, finding, entry } = await requestSuppression(request, params, login);
    const body = (await jsonBodyOnce(request)) as { pullRequest?: unknown } | null;
    if (body?.pullRequest !== true) return suppressionResponse(answer);
    const db = await apiContext().db();
    const client = await clients(db, answer.repository);
    let outcome: { url: string | null; error: string | null };
    if (!client) {
      outcome = { url: null, error: "the Parity GitHub App is not installed on this repository" };
    } else {
      const [owner = params.owner, name = params.repo] = answer.repository.split("/");
      outcome = await openSuppressionPullRequest(client, { owner, name }, entry, finding).then(
        (pull) => ({ url: pull.url, error: null }),
        (error: unknown) => ({
          url: null,
          error: `GitHub refused the pull request (${error instanceof Error ? error.message.slice(0, 200) : "unknown error"})`,
        }),
      );
    }
    await recordPullRequest(db, requestId, outcome);
    return suppressionResponse({
      ...answer,
      suppression: { ...answer.suppression, pullRequestUrl: outcome.url, pullRequestError: outcome.error },
    });
  };
}

export const postSuppression = postSuppressionWith(appPullRequestClients);
