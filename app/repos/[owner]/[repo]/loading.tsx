export default function ScorecardLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading the scorecard…</p>
      <div className="h-8 w-64 animate-pulse rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="grid gap-4 lg:grid-cols-3">
        {["tools", "time", "people"].map((gap) => (
          <div key={gap} className="h-40 animate-pulse rounded-lg bg-neutral-100 dark:bg-neutral-900" />
        ))}
      </div>
      <div className="h-56 animate-pulse rounded-lg bg-neutral-100 dark:bg-neutral-900" />
    </div>
  );
}
