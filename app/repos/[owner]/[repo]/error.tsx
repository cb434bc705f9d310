"use client";

import Link from "next/link";

export default function ScorecardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">The scorecard could not be shown</h1>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Reading this repository&apos;s audits failed{error.digest ? ` (reference ${error.digest})` : ""}. The server log
        has the cause; the audits themselves are kept.
      </p>
      <div className="flex gap-3 text-sm">
        <button type="button" onClick={reset} className="rounded-md border px-3 py-1.5">
          Try again
        </button>
        <Link href="/" className="rounded-md px-3 py-1.5 underline underline-offset-4">
          Back to the overview
        </Link>
      </div>
    </div>
  );
}
