"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { ScrollRegion } from "../card";
import type { RepositorySummaryView } from "../dashboard-types";
import { formatRelative, toIso } from "../format";
import { LevelBadge, ScoreValue, SeverityBadge } from "../score";
import { Sparkline, trendLabel } from "../sparkline";
import {
  DEFAULT_SORT,
  filterRows,
  PAGE_SIZE,
  type SortDirection,
  type SortKey,
  sortRows,
  type TableFilters,
} from "./table-model";

const COLUMNS: { key: SortKey | null; label: string; numeric?: boolean; firstDirection?: SortDirection }[] = [
  { key: "fullName", label: "Repository", firstDirection: "ascending" },
  { key: "level", label: "Level" },
  { key: "scoreOverall", label: "Overall", numeric: true },
  { key: "scoreTools", label: "Tools", numeric: true },
  { key: "scoreTime", label: "Time", numeric: true },
  { key: "scorePersonnel", label: "People", numeric: true },
  { key: "worstFinding", label: "Worst finding", firstDirection: "ascending" },
  { key: null, label: "Trend" },
  { key: "lastAuditAt", label: "Audited" },
];

const UNKNOWN_REASON = {
  overall: "No score yet: the first audit has not finished.",
  tools: "No environment definitions were read yet.",
  time: "No deploy signal found: connect deployments, releases or a deploy workflow to measure the time gap.",
  personnel: "No commit or deploy history to measure who deploys.",
};

const selectClass =
  "rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-950";

async function fetchAllRows(): Promise<RepositorySummaryView[]> {
  const response = await fetch("/api/repos", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET /api/repos answered ${response.status}`);
  return ((await response.json()) as { repositories: RepositorySummaryView[] }).repositories;
}

/**
 * The sortable, filterable repository table. `rows` may be only the first page (`total` says how
 * many exist): the first sort, filter or "Show more" loads every row from the API, once.
 */
export function RepositoryTable({
  rows: firstRows,
  total = firstRows.length,
  now,
}: {
  rows: RepositorySummaryView[];
  total?: number;
  now: string;
}) {
  const [filters, setFilters] = useState<TableFilters>({ text: "", gap: "all", level: "all" });
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ ...DEFAULT_SORT });
  const [wantAll, setWantAll] = useState(false);
  const partial = total > firstRows.length;
  const all = useQuery({ queryKey: ["repositories"], queryFn: fetchAllRows, enabled: partial && wantAll });
  const rows = partial && all.data ? all.data : firstRows;
  const ids = useId();
  const clock = useMemo(() => new Date(now), [now]);
  const visible = useMemo(() => sortRows(filterRows(rows, filters), sort.key, sort.direction), [rows, filters, sort]);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const shown = visible.slice(0, limit);

  function toggleSort(key: SortKey, firstDirection: SortDirection = "descending") {
    setWantAll(true);
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === "ascending" ? "descending" : "ascending" }
        : { key, direction: firstDirection },
    );
  }

  return (
    <div className="space-y-3">
      <search className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex min-w-0 flex-1 flex-col gap-1 sm:max-w-xs" htmlFor={`${ids}-text`}>
          <span className="text-xs text-neutral-600 dark:text-neutral-400">Search</span>
          <input
            id={`${ids}-text`}
            type="search"
            value={filters.text}
            onChange={(event) => {
              setWantAll(true);
              setFilters({ ...filters, text: event.target.value });
            }}
            placeholder="repository or finding"
            className={`${selectClass} w-full`}
          />
        </label>
        <label className="flex flex-col gap-1" htmlFor={`${ids}-gap`}>
          <span className="text-xs text-neutral-600 dark:text-neutral-400">Weakest gap</span>
          <select
            id={`${ids}-gap`}
            value={filters.gap}
            onChange={(event) => {
              setWantAll(true);
              setFilters({ ...filters, gap: event.target.value as TableFilters["gap"] });
            }}
            className={selectClass}
          >
            <option value="all">all</option>
            <option value="tools">tools</option>
            <option value="time">time</option>
            <option value="personnel">people</option>
          </select>
        </label>
        <label className="flex flex-col gap-1" htmlFor={`${ids}-level`}>
          <span className="text-xs text-neutral-600 dark:text-neutral-400">Level</span>
          <select
            id={`${ids}-level`}
            value={filters.level}
            onChange={(event) => {
              setWantAll(true);
              setFilters({ ...filters, level: event.target.value as TableFilters["level"] });
            }}
            className={selectClass}
          >
            <option value="all">all</option>
            <option value="gold">Gold</option>
            <option value="silver">Silver</option>
            <option value="bronze">Bronze</option>
            <option value="none">Not yet</option>
          </select>
        </label>
        <p className="ml-auto text-xs text-neutral-600 dark:text-neutral-400" aria-live="polite">
          {partial && wantAll && all.isPending
            ? `loading all ${total} repositories…`
            : partial && all.isError
              ? `${shown.length} of ${total} shown (the rest could not be loaded; reload the page)`
              : shown.length === total
                ? `${total} shown`
                : `${shown.length} of ${total} shown`}
        </p>
      </search>

      <div className="rounded-lg border border-neutral-200 dark:border-neutral-800">
        <ScrollRegion label="Repositories table">
          <table className="w-full min-w-[56rem] text-sm">
            <caption className="sr-only">
              Repositories with their parity level and scores; column headers sort the table.
            </caption>
            <thead className="border-b border-neutral-200 text-left text-xs text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
              <tr>
                {COLUMNS.map((column) => {
                  const active = column.key !== null && sort.key === column.key;
                  const Icon = active ? (sort.direction === "ascending" ? ArrowUp : ArrowDown) : ArrowUpDown;
                  return (
                    <th
                      key={column.label}
                      scope="col"
                      aria-sort={active ? sort.direction : column.key ? "none" : undefined}
                      className={`px-3 py-2 font-medium ${column.numeric ? "text-right" : ""}`}
                    >
                      {column.key ? (
                        <button
                          type="button"
                          onClick={() => column.key && toggleSort(column.key, column.firstDirection)}
                          className={`inline-flex items-center gap-1 rounded hover:text-neutral-900 dark:hover:text-neutral-100 ${
                            active ? "text-neutral-900 dark:text-neutral-100" : ""
                          }`}
                        >
                          {column.label}
                          <Icon className="size-3" aria-hidden />
                        </button>
                      ) : (
                        column.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100 dark:divide-neutral-900">
              {visible.length === 0 ? (
                <tr>
                  <td colSpan={COLUMNS.length} className="px-3 py-8 text-center text-neutral-600 dark:text-neutral-400">
                    No repository matches these filters.
                  </td>
                </tr>
              ) : (
                shown.map((row) => <RepositoryRow key={row.id} row={row} now={clock} />)
              )}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
      {visible.length > shown.length || (partial && !all.data) ? (
        <button
          type="button"
          onClick={() => {
            setWantAll(true);
            setLimit((current) => current + PAGE_SIZE);
          }}
          className="rounded-md border border-neutral-300 px-3 py-1.5 text-sm hover:bg-neutral-50 dark:border-neutral-700 dark:hover:bg-neutral-900"
        >
          Show more ({(partial && !all.data ? total : visible.length) - shown.length} not shown)
        </button>
      ) : null}
    </div>
  );
}

function RepositoryRow({ row, now }: { row: RepositorySummaryView; now: Date }) {
  const audited = toIso(row.lastAuditAt);
  return (
    <tr className="hover:bg-neutral-50 dark:hover:bg-neutral-900/60">
      <th scope="row" className="px-3 py-2 text-left font-medium">
        <Link
          href={`/repos/${encodeURIComponent(row.owner)}/${encodeURIComponent(row.name)}`}
          className="hover:underline"
        >
          {row.fullName}
        </Link>
      </th>
      <td className="px-3 py-2">
        <LevelBadge level={row.level} />
      </td>
      <td className="px-3 py-2 text-right font-semibold">
        <ScoreValue score={row.scoreOverall} unknownReason={UNKNOWN_REASON.overall} />
      </td>
      <td className="px-3 py-2 text-right">
        <ScoreValue score={row.scoreTools} unknownReason={UNKNOWN_REASON.tools} />
      </td>
      <td className="px-3 py-2 text-right">
        <ScoreValue score={row.scoreTime} unknownReason={UNKNOWN_REASON.time} />
      </td>
      <td className="px-3 py-2 text-right">
        <ScoreValue score={row.scorePersonnel} unknownReason={UNKNOWN_REASON.personnel} />
      </td>
      <td className="max-w-xs px-3 py-2">
        {row.worstFinding ? (
          <span className="flex items-center gap-2">
            <SeverityBadge severity={row.worstFinding.severity} />
            <span className="truncate" title={row.worstFinding.title}>
              {row.worstFinding.title}
            </span>
          </span>
        ) : (
          <span className="text-neutral-500 dark:text-neutral-400">none open</span>
        )}
      </td>
      <td className="px-3 py-2">
        <Sparkline values={row.trend} label={trendLabel(row.trend)} />
      </td>
      <td className="whitespace-nowrap px-3 py-2 text-neutral-600 dark:text-neutral-400">
        {row.lastAuditStatus === "running" || row.lastAuditStatus === "queued" ? (
          <span>auditing…</span>
        ) : row.lastAuditStatus === "failed" ? (
          <span className="block max-w-56 whitespace-normal">
            <span className="font-medium text-red-700 dark:text-red-400">failed</span>
            <span className="block text-xs">
              {row.lastAuditError ?? "The audit failed."}
              {audited ? " The scores are from the audit before." : ""}
            </span>
          </span>
        ) : audited ? (
          <time dateTime={audited} title={audited}>
            {formatRelative(audited, now)}
          </time>
        ) : (
          "never"
        )}
      </td>
    </tr>
  );
}
