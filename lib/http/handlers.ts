import { z } from "zod";
import { getAudit } from "../db/queries/audits";
import { getAuditProgress, getLatestReport, listAuditHistory } from "../db/queries/dashboard";
import { disconnectRepository, findRepository } from "../db/queries/repositories";
import { addRepository, enqueueAudit } from "../jobs/queue";
import { toJson } from "../parity/audit/index";
import { parseRepositoryName, repositoryFromPath } from "../repos/repository-name";
import { renderBadge } from "./badge";
import { jsonBodyOnce } from "./body";
import { apiContext } from "./context";
import { AppError, errorResponse } from "./errors";

/**
 * The JSON API's handlers, independent of Next's routing so tests call them with a `Request`.
 * Route files under app/api only unwrap params and delegate here. See docs/api.md.
 */

type Handler<P> = (request: Request, params: P) => Promise<Response>;

export function handle<P>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const NO_STORE = { "cache-control": "no-store" };

export interface RepoParams {
  owner: string;
  repo: string;
}

async function repositoryOr404(owner: string, name: string) {
  const repository = await findRepository(await apiContext().db(), { owner, name });
  if (!repository) throw new AppError("not_found", `Repository ${owner}/${name} is not connected to Parity.`);
  return repository;
}

const addBody = z.object({
  repository: z.string().optional(),
  owner: z.string().optional(),
  name: z.string().optional(),
});

export async function addRepo(request: Request): Promise<Response> {
  const body = addBody.safeParse(await jsonBodyOnce(request));
  if (!body.success) throw new AppError("bad_request", 'Send JSON such as {"repository": "acme/shop"}.');
  const input =
    body.data.repository ?? (body.data.owner && body.data.name ? `${body.data.owner}/${body.data.name}` : "");
  const parsed = parseRepositoryName(input);
  if (!parsed.ok) throw new AppError("bad_request", parsed.error);
  const { db, boss } = apiContext();
  const result = await addRepository(await db(), await boss(), parsed.value);
  return Response.json(
    { repository: result.repository, auditId: result.audit.id, created: result.created },
    { status: result.created ? 201 : 200, headers: NO_STORE },
  );
}

export async function getRepoReport(_request: Request, params: RepoParams): Promise<Response> {
  const latest = await getLatestReport(await apiContext().db(), params.owner, params.repo);
  if (!latest) throw new AppError("not_found", `Repository ${params.owner}/${params.repo} is not connected to Parity.`);
  if (!latest.report) throw new AppError("not_found", `${latest.repository.fullName} has no finished audit yet.`);
  // The CLI's JSON, byte for byte: same renderer, same key order.
  return new Response(toJson(latest.report), {
    headers: { "content-type": "application/json; charset=utf-8", ...NO_STORE },
  });
}

const isoDate = z
  .string()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)),
    {
      message: "must be an ISO 8601 date such as 2026-01-31",
    },
  )
  .transform((value) => new Date(value));
const historyQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

export async function getRepoHistory(request: Request, params: RepoParams): Promise<Response> {
  const url = new URL(request.url);
  const parsed = historyQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "bad_request",
      `Query parameter ${issue?.path.join(".") ?? "from"} ${issue?.message ?? "is invalid"}.`,
    );
  }
  const { from, to } = parsed.data;
  if (from && to && from > to) throw new AppError("bad_request", "Query parameter from must not be after to.");
  const repository = await repositoryOr404(params.owner, params.repo);
  const audits = await listAuditHistory(await apiContext().db(), repository.id, { from, to });
  return Response.json({ repository: repository.fullName, audits }, { headers: NO_STORE });
}

export async function queueAudit(_request: Request, params: RepoParams): Promise<Response> {
  const repository = await repositoryOr404(params.owner, params.repo);
  const { db, boss } = apiContext();
  const result = await enqueueAudit(await db(), await boss(), repository.id, "manual");
  return Response.json({ auditId: result.audit.id, queued: result.queued }, { status: 202, headers: NO_STORE });
}

/**
 * `DELETE /api/repos/{owner}/{repo}?history=keep|delete`: disconnects the repository. The caller
 * must say what happens to its history (no default: the UI asks, and so must any script).
 */
export async function disconnectRepo(request: Request, params: RepoParams): Promise<Response> {
  const history = new URL(request.url).searchParams.get("history");
  if (history !== "keep" && history !== "delete") {
    throw new AppError(
      "bad_request",
      "Say what happens to the audit history: ?history=keep (connecting it again brings it back) or ?history=delete.",
    );
  }
  const repository = await repositoryOr404(params.owner, params.repo);
  const db = await apiContext().db();
  const done = await disconnectRepository(db, repository.id, { keepHistory: history === "keep" });
  if (!done) throw new AppError("not_found", `Repository ${params.owner}/${params.repo} is not connected to Parity.`);
  return Response.json(
    { repository: repository.fullName, disconnected: true, history: history === "keep" ? "kept" : "deleted" },
    { headers: NO_STORE },
  );
}

export async function getAuditStatus(_request: Request, params: { id: string }): Promise<Response> {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError("bad_request", `"${params.id}" is not an audit id.`);
  const progress = await getAuditProgress(await apiContext().db(), id);
  if (!progress) throw new AppError("not_found", `Audit ${id} does not exist.`);
  return Response.json(progress, { headers: NO_STORE });
}

export async function getBadge(_request: Request, params: RepoParams): Promise<Response> {
  const named = repositoryFromPath(params.owner, params.repo.replace(/\.svg$/i, ""));
  const db = await apiContext().db();
  // A path that names no repository (a NUL byte, a malformed escape) is simply not one we know.
  const repository = named ? await findRepository(db, named) : null;
  const latest = repository?.latestAuditId ? await getAudit(db, repository.latestAuditId) : null;
  const svg = renderBadge(
    latest
      ? { level: (latest.level as "gold" | "silver" | "bronze" | null) ?? null, score: latest.scoreOverall }
      : { level: undefined, score: null },
  );
  return new Response(svg, {
    status: repository ? 200 : 404,
    headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "public, max-age=300, s-maxage=300" },
  });
}
