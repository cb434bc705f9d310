"use client";

import { useState } from "react";
import type { Level, Report } from "@/lib/parity/types";
import { ScrollRegion } from "../card";
import { CommitLink } from "../commit-link";
import type { RepoOnGitHub } from "../format";
import { formatScore } from "../format";
import { LevelBadge, ScoreValue } from "../score";

export interface AuditHistoryRow {
  auditId: number;
  /** `YYYY-MM-DD`. */
  date: string;
  commitSha: string | null;
  trigger: string;
  level: Level | null;
  scores: Report["scores"];
  appeared: number;
  resolved: number;
}

const COLUMNS: readonly { label: string; numeric?: boolean }[] = [
  { label: "date (UTC)" },
  { label: "commit" },
  { label: "trigger" },
  { label: "level" },
  { label: "overall", numeric: true },
  { label: "tools", numeric: true },
  { label: "time", numeric: true },
  { label: "people", numeric: true },
  { label: "findings" },
];

/** Rows shown until "Show all": the latest fortnight of daily audits, the rest one click away. */
export const INITIAL_HISTORY_ROWS = 10;

/**
 * The audit history table. A client component so that its rows cross to the browser as compact
 * data (as server markup, every cell's classes were serialised into the RSC payload too), and so
 * that the older rows are rendered only when asked for: each row rendered on the server costs
 * every page view, and most views need only the latest few.
 */
export function AuditHistoryTable({ repository, rows }: { repository: RepoOnGitHub; rows: AuditHistoryRow[] }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? rows : rows.slice(0, INITIAL_HISTORY_ROWS);
  return (
    <>
      <HistoryRows repository={repository} rows={shown} />
      {rows.length > INITIAL_HISTORY_ROWS ? (
        <div className="border-t border-neutral-100 px-4 py-2 dark:border-neutral-900">
          <button
            type="button"
            aria-expanded={expanded}
            onClick={() => setExpanded((value) => !value)}
            className="text-xs font-medium underline underline-offset-2"
          >
            {expanded ? `Show the latest ${INITIAL_HISTORY_ROWS}` : `Show all ${rows.length}`}
          </button>
        </div>
      ) : null}
    </>
  );
}

function HistoryRows({ repository, rows }: { repository: RepoOnGitHub; rows: AuditHistoryRow[] }) {
  return (
    <ScrollRegion label="Audit history table">
      <table className="w-full min-w-[40rem] text-sm">
        <thead className="border-b border-neutral-200 text-left text-xs text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
          <tr>
            {COLUMNS.map((column, index) => (
              <th
                key={column.label}
                scope="col"
                className={`${index === 0 ? "px-4" : "px-3"} py-2 font-medium ${column.numeric ? "text-right" : ""}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        {/* Cell styles are set once here: 30 rows of per-cell classes and wrapper spans were most of the scorecard's markup. */}
        <tbody className="divide-y divide-neutral-100 tabular-nums dark:divide-neutral-900 [&_td]:px-3 [&_td]:py-1.5 [&_td:first-child]:px-4 [&_td:nth-child(n+5):nth-child(-n+8)]:text-right">
          {rows.map((audit) => (
            <tr key={audit.auditId}>
              <td className="whitespace-nowrap">{audit.date}</td>
              <td className="font-mono text-xs">
                {audit.commitSha ? <CommitLink repository={repository} sha={audit.commitSha} /> : "—"}
              </td>
              <td>{audit.trigger}</td>
              <td>
                <LevelBadge level={audit.level} icon={false} />
              </td>
              <ScoreCell score={audit.scores.overall} className="font-medium" />
              <ScoreCell score={audit.scores.tools} />
              <ScoreCell score={audit.scores.time} />
              <ScoreCell score={audit.scores.personnel} />
              <FindingsChange appeared={audit.appeared} resolved={audit.resolved} />
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A score as the cell's text; an unknown one keeps ScoreValue's explanation. */
function ScoreCell({ score, className }: { score: number | null; className?: string }) {
  return <td className={className}>{score === null ? <ScoreValue score={null} /> : formatScore(score)}</td>;
}

function FindingsChange({ appeared, resolved }: { appeared: number; resolved: number }) {
  if (appeared === 0 && resolved === 0) {
    return <td className="whitespace-nowrap text-xs text-neutral-500 dark:text-neutral-400">no change</td>;
  }
  return (
    <td className="whitespace-nowrap text-xs">
      {appeared > 0 ? `● ${appeared} appeared ` : ""}
      {resolved > 0 ? `○ ${resolved} resolved` : ""}
    </td>
  );
}
