import { Lock } from "lucide-react";
import Link from "next/link";
import type { RepositorySummaryView } from "../dashboard-types";
import { formatRelative, toIso } from "../format";
import { LevelBadge, ScoreValue, SeverityBadge } from "../score";
import { Sparkline, trendLabel } from "../sparkline";

/**
 * One repository as a table row. Below 640 px only the name, overall score and worst finding
 * stay (wrapping instead of truncating), so a phone sees every repository's worst finding without
 * scrolling sideways; the other cells are one `sm:` class away, in the same markup.
 */

/** Cells a phone leaves out (the header's match: see repository-table.tsx). */
export const WIDE_ONLY = "hidden px-3 py-2 sm:table-cell";

export const UNKNOWN_REASON = {
  overall: "No score yet: the first audit has not finished.",
  tools: "No environment definitions were read yet.",
  time: "No deploy signal found: connect deployments, releases or a deploy workflow to measure the time gap.",
  personnel: "No commit or deploy history to measure who deploys.",
};

function scorecardHref(row: RepositorySummaryView): string {
  return `/repos/${encodeURIComponent(row.owner)}/${encodeURIComponent(row.name)}`;
}

/** "Private" beside the name: a word with its icon, never the icon alone. */
export function PrivateMark() {
  return (
    <span
      className="inline-flex shrink-0 items-center gap-0.5 rounded border border-neutral-300 px-1 text-[0.6875rem] font-normal text-neutral-700 dark:border-neutral-700 dark:text-neutral-300"
      title="A private repository on GitHub"
    >
      <Lock className="size-3" aria-hidden />
      Private
    </span>
  );
}

function RepositoryName({ row }: { row: RepositorySummaryView }) {
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
      <Link href={scorecardHref(row)} className="min-w-0 [overflow-wrap:anywhere] hover:underline">
        {row.fullName}
      </Link>
      {row.isPrivate ? <PrivateMark /> : null}
    </span>
  );
}

function WorstFinding({ row }: { row: RepositorySummaryView }) {
  const matched = row.matchedFinding;
  return (
    <span className="flex min-w-0 flex-col gap-1">
      {row.worstFinding ? (
        <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 sm:flex-nowrap">
          <SeverityBadge severity={row.worstFinding.severity} />
          <span className="min-w-0 break-words sm:truncate" title={row.worstFinding.title}>
            {row.worstFinding.title}
          </span>
        </span>
      ) : (
        <span className="text-neutral-600 dark:text-neutral-400">none open</span>
      )}
      {matched && matched.title !== row.worstFinding?.title ? (
        <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs text-neutral-700 sm:flex-nowrap dark:text-neutral-300">
          <span className="shrink-0">matches:</span>
          <SeverityBadge severity={matched.severity} />
          <span className="min-w-0 break-words sm:truncate" title={matched.title}>
            {matched.title}
          </span>
        </span>
      ) : null}
    </span>
  );
}

function AuditState({ row, now }: { row: RepositorySummaryView; now: Date }) {
  const audited = toIso(row.lastAuditAt);
  if (row.lastAuditStatus === "running" || row.lastAuditStatus === "queued") return <span>auditing…</span>;
  if (row.lastAuditStatus === "failed") {
    return (
      <span className="block max-w-56 whitespace-normal">
        <span className="font-medium text-red-700 dark:text-red-400">failed</span>
        <span className="block text-xs">
          {row.lastAuditError ?? "The audit failed."}
          {audited ? " The scores are from the audit before." : ""}
        </span>
      </span>
    );
  }
  return audited ? (
    <time dateTime={audited} title={audited}>
      {formatRelative(audited, now)}
    </time>
  ) : (
    <span>never</span>
  );
}

export function RepositoryRow({ row, now }: { row: RepositorySummaryView; now: Date }) {
  return (
    <tr className="align-top hover:bg-neutral-50 sm:align-middle dark:hover:bg-neutral-900/60">
      <th scope="row" className="px-2 py-2 text-left font-medium sm:px-3">
        <RepositoryName row={row} />
      </th>
      <td className={WIDE_ONLY}>
        <LevelBadge level={row.level} />
      </td>
      <td className="px-2 py-2 text-right font-semibold sm:px-3">
        <ScoreValue score={row.scoreOverall} unknownReason={UNKNOWN_REASON.overall} />
      </td>
      <td className={`${WIDE_ONLY} text-right`}>
        <ScoreValue score={row.scoreTools} unknownReason={UNKNOWN_REASON.tools} />
      </td>
      <td className={`${WIDE_ONLY} text-right`}>
        <ScoreValue score={row.scoreTime} unknownReason={UNKNOWN_REASON.time} />
      </td>
      <td className={`${WIDE_ONLY} text-right`}>
        <ScoreValue score={row.scorePersonnel} unknownReason={UNKNOWN_REASON.personnel} />
      </td>
      <td className="px-2 py-2 sm:max-w-xs sm:px-3">
        <WorstFinding row={row} />
      </td>
      <td className={WIDE_ONLY}>
        <Sparkline values={row.trend} label={trendLabel(row.trend)} />
      </td>
      <td className={`${WIDE_ONLY} whitespace-nowrap text-neutral-600 dark:text-neutral-400`}>
        <AuditState row={row} now={now} />
      </td>
    </tr>
  );
}
