import Link from "next/link";
import { GAP_WORD, gainWords } from "@/lib/fix-first/gain";
import type { FixFirstFilters, RankedFinding } from "@/lib/fix-first/rank";
import { GAPS, SEVERITIES } from "@/lib/parity/types";
import { Card } from "../card";
import { levelWord } from "../format";
import { SeverityBadge } from "../score";

const selectClass =
  "rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-950";

/**
 * The filters as a GET form: choosing and pressing "Filter" puts them in the URL (shareable,
 * kept on reload), with no JavaScript needed.
 */
export function FixFirstFiltersForm({ filters }: { filters: FixFirstFilters }) {
  return (
    <form method="get" action="/fix-first" className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">
        <span className="text-neutral-700 dark:text-neutral-300">Gap</span>
        <select name="gap" defaultValue={filters.gap ?? ""} className={selectClass}>
          <option value="">All gaps</option>
          {GAPS.map((gap) => (
            <option key={gap} value={gap}>
              {GAP_WORD[gap]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-neutral-700 dark:text-neutral-300">Severity</span>
        <select name="severity" defaultValue={filters.severity ?? ""} className={selectClass}>
          <option value="">All severities</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-md bg-neutral-900 px-3 py-1.5 font-medium text-white hover:bg-neutral-700 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300"
      >
        Filter
      </button>
      {filters.gap || filters.severity ? (
        <Link href="/fix-first" className="py-1.5 underline underline-offset-2">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}

/** Up to `limit` ranked findings; the rest are counted, not rendered. */
export function FixFirstList({ ranked, limit }: { ranked: readonly RankedFinding[]; limit: number }) {
  const shown = ranked.slice(0, limit);
  return (
    <Card
      titleId="fix-first-list"
      title={`${ranked.length} open ${ranked.length === 1 ? "finding" : "findings"}, biggest gain first`}
      aside="gain: points the repository's score goes up when the finding is fixed"
    >
      {shown.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">
          No open findings match: nothing to fix here.
        </p>
      ) : (
        <ol className="divide-y divide-neutral-100 dark:divide-neutral-900">
          {shown.map((item, index) => (
            <li
              key={`${item.repository.fullName}:${item.position}`}
              data-gain-overall={item.gain.overall ?? 0}
              className="flex flex-wrap items-start gap-x-3 gap-y-1 px-4 py-2.5 text-sm"
            >
              <span className="w-8 shrink-0 text-right tabular-nums text-neutral-600 dark:text-neutral-400">
                {index + 1}.
              </span>
              <span className="w-40 shrink-0 font-semibold tabular-nums text-emerald-800 dark:text-emerald-300">
                {gainWords(item.gain, item.finding.gap)}
                {item.gain.overall ? (
                  <span className="block text-xs font-normal text-neutral-600 dark:text-neutral-400">
                    +{item.gain.overall} overall
                    {item.levelAfter ? ` · reaches ${levelWord(item.levelAfter)}` : ""}
                  </span>
                ) : null}
              </span>
              <span className="min-w-0 flex-1 basis-60">
                <span className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={item.finding.severity} />
                  <span className="font-medium">{item.finding.message || item.finding.title}</span>
                </span>
                <span className="mt-0.5 block text-xs text-neutral-600 dark:text-neutral-400">
                  <Link
                    href={`/repos/${encodeURIComponent(item.repository.owner)}/${encodeURIComponent(item.repository.name)}#finding-${item.finding.fingerprint}`}
                    className="font-medium text-neutral-900 underline underline-offset-2 dark:text-neutral-100"
                  >
                    {item.repository.fullName}
                  </Link>
                  {" · "}
                  {GAP_WORD[item.finding.gap]} gap · check <code className="font-mono">{item.finding.check}</code>
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {ranked.length > shown.length ? (
        <p className="border-t border-neutral-200 px-4 py-2 text-xs text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
          Showing the first {shown.length} of {ranked.length}; filter by gap or severity to see the others.
        </p>
      ) : null}
    </Card>
  );
}
