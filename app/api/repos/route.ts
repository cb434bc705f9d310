import { addRepo, handle, listRepos } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";
export const GET = handle<Record<string, never>>(() => listRepos());
export const POST = handle<Record<string, never>>((request) => addRepo(request));
