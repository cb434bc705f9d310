import Link from "next/link";
import { connection } from "next/server";
import { authSettings } from "@/lib/auth/config";
import { currentViewer } from "@/lib/auth/page";

/**
 * The header's mode badge: "Local mode" (nobody signs in, loopback only) or the signed-in GitHub
 * login with a sign-out button. Read per request: the mode is the running server's, not the build's.
 */
export async function SessionStatus() {
  await connection();
  if (authSettings().mode === "local") {
    return (
      <Link
        href="/settings#access"
        title="No sign-in: Parity listens on this computer only"
        className="rounded-full border border-neutral-300 px-2.5 py-0.5 text-xs text-neutral-700 dark:border-neutral-700 dark:text-neutral-300"
      >
        Local mode
      </Link>
    );
  }
  const viewer = await currentViewer();
  if (viewer?.mode !== "team") return null;
  return (
    <form action="/api/auth/signout" method="post" className="flex items-center gap-2 text-sm">
      <span className="text-neutral-700 dark:text-neutral-300" data-testid="signed-in-as">
        @{viewer.session.login}
      </span>
      <button
        type="submit"
        className="rounded-md px-2 py-1 text-neutral-600 underline-offset-4 hover:underline dark:text-neutral-400"
      >
        Sign out
      </button>
    </form>
  );
}
