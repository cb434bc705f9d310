import { withRepositoryAccess } from "@/lib/auth/api";
import { getRepoReport, handle, type RepoParams } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";
export const GET = handle<RepoParams>(withRepositoryAccess(getRepoReport));
