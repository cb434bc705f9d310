import { getAudit } from "../db/queries/audits";
import { cachedRepositorySummaries } from "../db/queries/dashboard-cache";
import { findRepository } from "../db/queries/repositories";
import { repositoryById } from "../db/queries/repository-by-id";
import { AppError } from "../errors/index";
import { renderBadge } from "../http/badge";
import { jsonBodyOnce } from "../http/body";
import { apiContext } from "../http/context";
import type { RepoParams } from "../http/handlers";
import { pageOf, pageRequest } from "../http/paging";
import { parseRepositoryName, repositoryFromPath } from "../repos/repository-name";
import { ANONYMOUS_USER, checkRepositoryAccess, repositoryOnGitHub } from "./access";
import { authSettings } from "./config";
import { cookieFrom, SESSION_COOKIE } from "./session";
import { onlyVisible, type Viewer, viewerCanSee, viewerFromCookie } from "./viewer";

/**
 * Access checks for the JSON API, as wrappers around lib/http/handlers so each route file changes
 * by one call. A repository the viewer may not see answers 404 with the same sentence as one that
 * is not connected; no session answers 401.
 */

type Handler<P> = (request: Request, params: P) => Promise<Response>;

export async function apiViewer(request: Request): Promise<Viewer> {
  const db = await apiContext().db();
  const viewer = await viewerFromCookie(db, cookieFrom(request.headers.get("cookie"), SESSION_COOKIE), new Date());
  if (!viewer) throw new AppError("unauthorized", "Sign in to Parity with GitHub first.");
  return viewer;
}

async function requireVisible(request: Request, owner: string, name: string): Promise<void> {
  const viewer = await apiViewer(request);
  const visible = await viewerCanSee(await apiContext().db(), viewer, owner, name, new Date());
  if (!visible) throw new AppError("not_found", `Repository ${owner}/${name} is not connected to Parity.`);
}

/** A path's `{owner}/{repo}` as GitHub allows them, or 400 (nothing else reaches the database). */
export function pathRepository(params: RepoParams): RepoParams {
  const named = repositoryFromPath(params.owner, params.repo);
  if (!named) {
    throw new AppError("bad_request", "The path does not name a repository: use /api/repos/{owner}/{name}.");
  }
  return { owner: named.owner, repo: named.name };
}

/** For `/api/repos/{owner}/{repo}/…`: the handler runs only for a repository the viewer may see. */
export function withRepositoryAccess<P extends RepoParams>(handler: Handler<P>): Handler<P> {
  return async (request, raw) => {
    const params = { ...raw, ...pathRepository(raw) };
    await requireVisible(request, params.owner, params.repo);
    return handler(request, params);
  };
}

/** For `/api/audits/{id}`: an audit of a repository the viewer may not see does not exist. */
export function withAuditAccess(handler: Handler<{ id: string }>): Handler<{ id: string }> {
  return async (request, params) => {
    const viewer = await apiViewer(request);
    if (viewer.mode === "team") {
      const db = await apiContext().db();
      const id = Number(params.id);
      const audit = Number.isSafeInteger(id) && id > 0 ? await getAudit(db, id) : null;
      const repository = audit ? await repositoryById(db, audit.repositoryId) : null;
      const visible = repository && (await viewerCanSee(db, viewer, repository.owner, repository.name, new Date()));
      if (audit && !visible) throw new AppError("not_found", `Audit ${id} does not exist.`);
    }
    return handler(request, params);
  };
}

/** `GET /api/repos`, listing only the repositories the viewer may see. */
export async function listVisibleRepos(request: Request): Promise<Response> {
  const viewer = await apiViewer(request);
  const db = await apiContext().db();
  const url = new URL(request.url);
  const paging = pageRequest(url);
  const rows = await onlyVisible(db, viewer, await cachedRepositorySummaries(db), new Date());
  const { items, link } = pageOf(rows, paging, url);
  return Response.json(
    { repositories: items, page: paging.page, perPage: paging.perPage, total: rows.length },
    { headers: { "cache-control": "no-store", ...(link ? { link } : {}) } },
  );
}

/**
 * `POST /api/repos`: only a repository that exists on GitHub may be connected: in team mode one
 * the viewer can see there, in local mode one the server's token (or anonymous GitHub) finds.
 */
export function withAddAccess(handler: Handler<Record<string, never>>): Handler<Record<string, never>> {
  return async (request, params) => {
    const viewer = await apiViewer(request);
    const body = (await jsonBodyOnce(request)) as Record<string, unknown> | null;
    const input =
      typeof body?.repository === "string"
        ? body.repository
        : typeof body?.owner === "string" && typeof body?.name === "string"
          ? `${body.owner}/${body.name}`
          : "";
    const parsed = parseRepositoryName(input);
    // Bad input gets the handler's own sentence; a name GitHub does not know (or not to this viewer), 404.
    if (parsed.ok) {
      const { owner, name } = parsed.value;
      const settings = authSettings();
      const exists =
        viewer.mode === "team"
          ? await viewerCanSee(await apiContext().db(), viewer, owner, name, new Date())
          : await repositoryOnGitHub({ apiUrl: settings.apiUrl }, settings.serverToken ?? null, owner, name);
      if (!exists) {
        throw new AppError(
          "not_found",
          `Repository ${owner}/${name} was not found on GitHub${viewer.mode === "local" ? " (check the spelling, or GITHUB_TOKEN for a private one)" : ""}.`,
        );
      }
    }
    return handler(request, params);
  };
}

/**
 * The badge is public for public repositories only (GitHub says which, asked anonymously); a
 * signed-in viewer also gets it for repositories they can see. Anything else looks unknown.
 */
export function withBadgeAccess(handler: Handler<RepoParams>): Handler<RepoParams> {
  return async (request, params) => {
    const settings = authSettings();
    const name = params.repo.replace(/\.svg$/i, "");
    if (settings.mode === "local" || !repositoryFromPath(params.owner, name)) return handler(request, params);
    const db = await apiContext().db();
    const now = new Date();
    const known = await findRepository(db, { owner: params.owner, name });
    if (known) {
      const anonymous = { githubUserId: ANONYMOUS_USER, token: null };
      const access = await checkRepositoryAccess({ db, apiUrl: settings.apiUrl, now }, anonymous, params.owner, name);
      if (access.visible) return handler(request, params);
      const viewer = await viewerFromCookie(db, cookieFrom(request.headers.get("cookie"), SESSION_COOKIE), now);
      if (viewer && (await viewerCanSee(db, viewer, params.owner, name, now))) {
        const response = await handler(request, params);
        // A private repository's badge must never sit in a shared cache.
        response.headers.set("cache-control", "private, no-store");
        return response;
      }
    }
    return new Response(renderBadge({ level: undefined, score: null }), {
      status: 404,
      headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "no-store" },
    });
  };
}
