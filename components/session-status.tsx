import Link from "next/link";

/** Who the header names: local mode, the signed-in GitHub login, or nobody (team mode, signed out). */
export type HeaderSession = { mode: "local" } | { mode: "team"; login: string } | null;

/**
 * The header's mode badge: "Local mode" (nobody signs in, loopback only) or the signed-in GitHub
 * login with a sign-out button. The layout reads the session per request and passes it in: the
 * mode is the running server's, not the build's.
 */
export function SessionStatus({ session }: { session: HeaderSession }) {
  if (session?.mode === "local") {
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
  if (session?.mode !== "team") return null;
  return (
    <form action="/api/auth/signout" method="post" className="flex items-center gap-2 text-sm">
      <span className="text-neutral-700 dark:text-neutral-300" data-testid="signed-in-as">
        @{session.login}
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
