import { callback } from "@/lib/auth/routes";

export const dynamic = "force-dynamic";
export const GET = callback;
