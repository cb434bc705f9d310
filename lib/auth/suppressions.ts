import type { RepoParams } from "../http/handlers";
import { requestSuppression, suppressionResponse } from "../http/suppressions";
import { apiViewer } from "./api";

/**
 * `POST /api/repos/{owner}/{repo}/suppressions`, behind withRepositoryAccess: records who asked
 * (their GitHub login in team mode) with the request.
 */
export async function postSuppression(request: Request, params: RepoParams): Promise<Response> {
  const viewer = await apiViewer(request);
  const { answer } = await requestSuppression(request, params, viewer.mode === "team" ? viewer.session.login : null);
  return suppressionResponse(answer);
}
