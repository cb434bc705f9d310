import { withAuditAccess } from "@/lib/auth/api";
import { getAuditStatus, handle } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";
export const GET = handle<{ id: string }>(withAuditAccess(getAuditStatus));
