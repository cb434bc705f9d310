"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        The page could not be shown{error.digest ? ` (reference ${error.digest})` : ""}. The server log has the cause.
      </p>
      <button type="button" onClick={reset} className="rounded-md border px-3 py-1.5 text-sm">
        Try again
      </button>
    </div>
  );
}
