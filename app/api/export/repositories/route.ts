import { exportVisibleRepositories } from "@/lib/auth/export";
import { handle } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";
export const GET = handle<Record<string, never>>((request) => exportVisibleRepositories(request));
