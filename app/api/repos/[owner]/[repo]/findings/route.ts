import { withRepositoryAccess } from "@/lib/auth/api";
import { exportFindings } from "@/lib/http/export";
import { handle, type RepoParams } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";
export const GET = handle<RepoParams>(withRepositoryAccess(exportFindings));
