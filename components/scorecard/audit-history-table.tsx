"use client";

import type { Level, Report } from "@/lib/parity/types";
import { ScrollRegion } from "../card";
import { formatScore, githubCommitUrl, shortSha } from "../format";
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
  { label: "date" },
  { label: "commit" },
  { label: "trigger" },
  { label: "level" },
  { label: "overall", numeric: true },
  { label: "tools", numeric: true },
  { label: "time", numeric: true },
  { label: "people", numeric: true },
  { label: "findings" },
];

/**
 * The audit history table. A client component only so that its rows cross to the browser as
 * compact data: as server markup, every cell's classes were serialised into the RSC payload too,
 * and the rows were half the scorecard's payload.
 */
export function AuditHistoryTable({ repository, rows }: { repository: string; rows: AuditHistoryRow[] }) {
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
                {audit.commitSha ? (
                  <a
                    href={githubCommitUrl(repository, audit.commitSha)}
                    target="_blank"
                    rel="noreferrer"
                    className="underline underline-offset-2"
                  >
                    {shortSha(audit.commitSha)}
                  </a>
                ) : (
                  "—"
                )}
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
