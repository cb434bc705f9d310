import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { authSettings } from "@/lib/auth/config";
import { safeNext } from "@/lib/auth/oauth";
import { currentViewer } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  state: "That sign-in link expired or was opened in another browser. Sign in again.",
  denied: "GitHub did not authorise Parity. Sign in again to continue.",
  github: "GitHub refused the sign-in. Sign in again.",
  upstream: "GitHub could not be reached. Try again in a moment.",
};

interface Props {
  searchParams: Promise<{ next?: string | string[]; error?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: Props) {
  await connection();
  const query = await searchParams;
  const next = safeNext(typeof query.next === "string" ? query.next : null);
  if (authSettings().mode === "local") {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Sign-in is off</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Parity runs in local mode: it listens on 127.0.0.1 only and everyone who can reach it sees every repository.
          See{" "}
          <Link href="/settings" className="underline underline-offset-4">
            Settings
          </Link>{" "}
          to turn on team mode.
        </p>
      </div>
    );
  }
  if (await currentViewer()) redirect(next);
  const error = typeof query.error === "string" ? ERRORS[query.error] : undefined;
  const href = `/api/auth/signin${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Parity</h1>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Parity shows the repositories GitHub lets you see, and nothing else.
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {/* A link, not a form: the redirect to GitHub stays within the CSP's form-action 'self'. */}
      <a
        href={href}
        className="inline-block rounded-md bg-neutral-900 px-4 py-2 text-sm font-medium text-white hover:bg-neutral-700 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300"
      >
        Sign in with GitHub
      </a>
    </div>
  );
}
