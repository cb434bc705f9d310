import { listVisibleRepos, withAddAccess } from "@/lib/auth/api";
import { addRepo, handle } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";
export const GET = handle<Record<string, never>>((request) => listVisibleRepos(request));
export const POST = handle<Record<string, never>>(withAddAccess((request) => addRepo(request)));
