import { withRepositoryAccess } from "@/lib/auth/api";
import { listFixes, postFixPullRequest } from "@/lib/auth/fix-pull-requests";
import { handle, type RepoParams } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";
export const GET = handle<RepoParams>(withRepositoryAccess(listFixes));
export const POST = handle<RepoParams>(withRepositoryAccess(postFixPullRequest));
