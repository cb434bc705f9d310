import { withRepositoryAccess } from "@/lib/auth/api";
import { getRepoHistory, handle, type RepoParams } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";
export const GET = handle<RepoParams>(withRepositoryAccess(getRepoHistory));
