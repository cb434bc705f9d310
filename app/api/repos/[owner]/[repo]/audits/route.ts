import { withRepositoryAccess } from "@/lib/auth/api";
import { handle, queueAudit, type RepoParams } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";
export const POST = handle<RepoParams>(withRepositoryAccess(queueAudit));
