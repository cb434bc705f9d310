import { withBadgeAccess } from "@/lib/auth/api";
import { getBadge, handle, type RepoParams } from "@/lib/http/handlers";

// `/api/badge/acme/shop.svg` and `/api/badge/acme/shop` both work: the handler strips `.svg`.
export const dynamic = "force-dynamic";
export const GET = handle<RepoParams>(withBadgeAccess(getBadge));
