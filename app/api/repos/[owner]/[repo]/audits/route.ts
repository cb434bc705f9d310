import { handle, queueAudit, type RepoParams } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";
export const POST = handle<RepoParams>(queueAudit);
