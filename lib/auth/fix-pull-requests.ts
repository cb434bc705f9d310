import { z } from "zod";
import { getLatestReport } from "../db/queries/dashboard";
import { fixBody, fixBranch, fixTitle } from "../fix-pull-requests/describe";
import { FixOutdatedError, openFixPullRequest } from "../fix-pull-requests/open";
import { jsonBodyOnce } from "../http/body";
import { apiContext } from "../http/context";
import { AppError } from "../http/errors";
import type { RepoParams } from "../http/handlers";
import type { OfferedFix, OfferedFixes } from "../parity/fixes/index";
import { createGitHubClient, type GitHubClient } from "../sources/github/client";
import { apiViewer } from "./api";
import { appPullRequestClients, type PullRequestClients } from "./app-installation-client";
import { authSettings } from "./config";
import type { Viewer } from "./viewer";

/**
 * `GET /api/repos/{owner}/{repo}/fixes`: the proven fixes the latest audit offers, with diffs.
 * `POST` opens (or updates) the pull request that carries one of them (`{"fingerprint"}`) or all
 * of them in one (`{"all": true}`), docs/fix.md. Both run behind withRepositoryAccess; the
 * proxy's CSRF check covers the POST like every mutation.
 *
 * Whose hands write to GitHub: the Parity GitHub App where it is installed on the repository
 * (the pull request is the bot's), else the signed-in user's own token in team mode (GitHub
 * checks that they may push), else the server's GITHUB_TOKEN in local mode.
 */

const NO_STORE = { "cache-control": "no-store" };
const FINGERPRINT = z.string().regex(/^[\w:.,-]{1,200}$/, "fingerprint must be a finding's fingerprint");
const fixRequest = z.union([
  z.object({ fingerprint: FINGERPRINT }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

async function offeredOf(params: RepoParams) {
  const latest = await getLatestReport(await apiContext().db(), params.owner, params.repo);
  if (!latest) throw new AppError("not_found", `Repository ${params.owner}/${params.repo} is not connected to Parity.`);
  if (!latest.report) throw new AppError("not_found", `${latest.repository.fullName} has no finished audit yet.`);
  return { repository: latest.repository, report: latest.report, fixes: latest.fixes };
}

export async function listFixes(_request: Request, params: RepoParams): Promise<Response> {
  const { repository, report, fixes } = await offeredOf(params);
  return Response.json(
    {
      repository: repository.fullName,
      commit: fixes?.commit ?? report.commit,
      // An audit made before fixes were planned offers none until the next audit.
      planned: fixes !== null,
      before: { overall: report.scores.overall, tools: report.scores.tools },
      fixes: fixes?.fixes ?? [],
      bundle: fixes?.bundle ?? [],
      bundleAfter: fixes?.bundleAfter ?? null,
      unfixed: fixes?.unfixed ?? [],
    },
    { headers: NO_STORE },
  );
}

/** The fixes a request names, and the scores after them. */
function selection(offered: OfferedFixes, body: z.infer<typeof fixRequest>, fullName: string) {
  if ("all" in body) {
    const fixes = offered.bundle
      .map((fingerprint) => offered.fixes.find((fix) => fix.fingerprint === fingerprint))
      .filter((fix): fix is OfferedFix => fix !== undefined);
    if (fixes.length === 0 || !offered.bundleAfter) {
      throw new AppError("not_found", `${fullName}'s latest audit offers no fix.`);
    }
    return { fixes, after: offered.bundleAfter, bundle: true };
  }
  const fix = offered.fixes.find((item) => item.fingerprint === body.fingerprint);
  if (!fix) {
    throw new AppError(
      "not_found",
      `${fullName}'s latest audit offers no proven fix for the finding ${body.fingerprint}; its remediation says what to change by hand.`,
    );
  }
  return { fixes: [fix], after: fix.after, bundle: false };
}

/** Who writes: the App's installation, the signed-in user, or the server's token; null if none can. */
export type FixWriters = (viewer: Viewer, fullName: string) => Promise<{ client: GitHubClient; as: string } | null>;

export function defaultFixWriters(app: PullRequestClients = appPullRequestClients): FixWriters {
  return async (viewer, fullName) => {
    const installed = await app(await apiContext().db(), fullName);
    if (installed) return { client: installed, as: "the Parity GitHub App" };
    const settings = authSettings();
    const token = viewer.mode === "team" ? viewer.session.token : settings.serverToken;
    if (!token) return null;
    return {
      client: createGitHubClient({ baseUrl: settings.apiUrl, auth: { type: "token", token } }),
      as: viewer.mode === "team" ? viewer.session.login : "the server's GITHUB_TOKEN",
    };
  };
}

/** Whether the scorecard can offer "Open pull request" to this viewer (else it shows the diff alone). */
export function fixPullRequestsWritable(viewer: Viewer, appInstalled: boolean): boolean {
  return appInstalled || viewer.mode === "team" || Boolean(authSettings().serverToken);
}

function refusal(error: unknown, fullName: string, as: string): AppError {
  if (error instanceof FixOutdatedError) return new AppError("conflict", error.message);
  const status = (error as { status?: number }).status;
  if (status === 401 || status === 403 || status === 404) {
    return new AppError(
      "forbidden",
      `GitHub refused to let ${as} push a branch and open a pull request on ${fullName} (HTTP ${status}); it needs write access to contents and pull requests.`,
    );
  }
  if (status === 422) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : "validation failed";
    return new AppError("upstream", `GitHub did not accept the pull request: ${detail}`);
  }
  return error instanceof AppError ? error : new AppError("upstream", "GitHub did not answer; try again in a minute.");
}

export function postFixPullRequestWith(writers: FixWriters) {
  return async (request: Request, params: RepoParams): Promise<Response> => {
    const parsed = fixRequest.safeParse(await jsonBodyOnce(request));
    if (!parsed.success) {
      throw new AppError("bad_request", 'Send {"fingerprint": "<a finding\'s fingerprint>"} or {"all": true}.');
    }
    const { repository, report, fixes: offered } = await offeredOf(params);
    if (!offered) {
      throw new AppError("conflict", `${repository.fullName}'s latest audit predates fix plans; audit it again.`);
    }
    const { fixes, after, bundle } = selection(offered, parsed.data, repository.fullName);
    const writer = await writers(await apiViewer(request), repository.fullName);
    if (!writer) {
      throw new AppError(
        "not_configured",
        "Parity has no GitHub credentials that can write here: set GITHUB_TOKEN, or install the Parity GitHub App on the repository.",
      );
    }
    const { publicUrl } = authSettings();
    const input = {
      fixes,
      branch: fixBranch(fixes, bundle),
      title: fixTitle(fixes),
      body: fixBody({
        fixes,
        before: { overall: report.scores.overall, tools: report.scores.tools },
        after,
        commit: offered.commit,
        scorecardUrl: publicUrl ? `${publicUrl}/repos/${repository.fullName}` : null,
      }),
    };
    const pull = await openFixPullRequest(
      writer.client,
      { owner: repository.owner, name: repository.name },
      input,
    ).catch((error: unknown) => {
      throw refusal(error, repository.fullName, writer.as);
    });
    return Response.json(
      { repository: repository.fullName, pullRequest: { ...pull, fingerprints: fixes.map((fix) => fix.fingerprint) } },
      { status: pull.updated ? 200 : 201, headers: NO_STORE },
    );
  };
}

export const postFixPullRequest = postFixPullRequestWith(defaultFixWriters());
