import { withRepositoryAccess } from "@/lib/auth/api";
import { disconnectRepo, getRepoReport, handle, type RepoParams } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";
export const GET = handle<RepoParams>(withRepositoryAccess(getRepoReport));
export const DELETE = handle<RepoParams>(withRepositoryAccess(disconnectRepo));
