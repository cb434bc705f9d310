import { withRepositoryAccess } from "@/lib/auth/api";
import { postSuppression } from "@/lib/auth/suppressions";
import { handle, type RepoParams } from "@/lib/http/handlers";
import { listSuppressions } from "@/lib/http/suppressions";

export const dynamic = "force-dynamic";
export const GET = handle<RepoParams>(withRepositoryAccess(listSuppressions));
export const POST = handle<RepoParams>(withRepositoryAccess(postSuppression));
