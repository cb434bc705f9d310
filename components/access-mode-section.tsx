import type { Viewer } from "@/lib/auth/viewer";

/** Settings: who can reach this Parity and what they see (docs/security.md). */
export function AccessModeSection({ viewer, host, insecure }: { viewer: Viewer; host: string; insecure: boolean }) {
  return (
    <section id="access" aria-labelledby="access-heading" className="max-w-2xl space-y-2 text-sm">
      <h2 id="access-heading" className="text-lg font-semibold">
        Access
      </h2>
      {viewer.mode === "local" ? (
        <>
          <p>
            <strong>Local mode</strong>: nobody signs in, and everyone who can reach this server sees every repository.{" "}
            {insecure
              ? `PARITY_INSECURE_ALLOW_REMOTE is set: Parity listens on ${host}, reachable from other machines.`
              : `Parity listens on the loopback address (${host}) only, so only this computer can reach it.`}
          </p>
          <p className="text-neutral-600 dark:text-neutral-400">
            For a team, set GITHUB_OAUTH_CLIENT_ID, GITHUB_OAUTH_CLIENT_SECRET and PARITY_SESSION_SECRET: each person
            then signs in with GitHub and sees only the repositories GitHub lets them see.
          </p>
        </>
      ) : (
        <p>
          <strong>Team mode</strong>: signed in with GitHub as{" "}
          <span className="font-mono">@{viewer.session.login}</span>. You see the repositories GitHub lets you see;
          access is checked with GitHub and remembered for five minutes.
        </p>
      )}
    </section>
  );
}
