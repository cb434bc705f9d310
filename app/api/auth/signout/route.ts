import { signOut } from "@/lib/auth/routes";

export const dynamic = "force-dynamic";
export const POST = signOut;
