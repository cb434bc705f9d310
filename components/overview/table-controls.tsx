"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import type { OverviewQuery, OverviewSortKey } from "@/lib/db/queries/overview-query";

const selectClass =
  "rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-950";

/** Waits this long after the last keystroke before the search asks the server. */
const SEARCH_DELAY_MS = 300;

/** The phone's sort control (the table's headers sort on wider screens). */
const SORTS: { value: string; label: string; sort: OverviewSortKey; direction: OverviewQuery["direction"] }[] = [
  { value: "scoreOverall-asc", label: "lowest score first", sort: "scoreOverall", direction: "ascending" },
  { value: "scoreOverall-desc", label: "highest score first", sort: "scoreOverall", direction: "descending" },
  { value: "worstFinding-asc", label: "most severe finding first", sort: "worstFinding", direction: "ascending" },
  { value: "fullName-asc", label: "name", sort: "fullName", direction: "ascending" },
  { value: "lastAuditAt-desc", label: "recently audited", sort: "lastAuditAt", direction: "descending" },
];

/**
 * Search and filters as a GET form on the page's own path: without JavaScript, submitting it loads
 * the view; with it, each change updates the URL in place (typing waits for a pause).
 */
export function TableControls({
  query,
  path,
  onChange,
  pending,
  children,
}: {
  query: OverviewQuery;
  path: string;
  onChange: (next: OverviewQuery, how?: "push" | "replace") => void;
  pending: boolean;
  children: ReactNode;
}) {
  const ids = useId();
  const [text, setText] = useState(query.text);
  // What the URL says; when it changes from outside (Back, a link), the box follows it.
  const sent = useRef(query.text);
  useEffect(() => {
    if (query.text.trim() !== sent.current.trim()) {
      sent.current = query.text;
      setText(query.text);
    }
  }, [query.text]);
  useEffect(() => {
    if (text.trim() === sent.current.trim()) return;
    const timer = setTimeout(() => {
      sent.current = text;
      onChange({ ...query, text, page: 1 }, "replace");
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, query, onChange]);
  const sortValue = `${query.sort}-${query.direction === "ascending" ? "asc" : "desc"}`;
  const sortChoices = SORTS.some((choice) => choice.value === sortValue)
    ? SORTS
    : [...SORTS, { value: sortValue, label: "as the table is sorted", sort: query.sort, direction: query.direction }];

  return (
    <search>
      <form
        action={path}
        method="get"
        aria-busy={pending}
        onSubmit={(event) => {
          event.preventDefault();
          sent.current = text;
          onChange({ ...query, text, page: 1 });
        }}
        className="flex flex-wrap items-end gap-3 text-sm"
      >
        <label
          className="flex min-w-0 flex-1 basis-full flex-col gap-1 sm:max-w-xs sm:basis-auto"
          htmlFor={`${ids}-text`}
        >
          <span className="text-xs text-neutral-600 dark:text-neutral-400">Search</span>
          <input
            id={`${ids}-text`}
            name="q"
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="repository or finding"
            className={`${selectClass} w-full`}
          />
        </label>
        <label className="flex flex-col gap-1" htmlFor={`${ids}-gap`}>
          <span className="text-xs text-neutral-600 dark:text-neutral-400">Weakest gap</span>
          <select
            id={`${ids}-gap`}
            name="gap"
            value={query.gap}
            onChange={(event) => onChange({ ...query, text, gap: event.target.value as OverviewQuery["gap"], page: 1 })}
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
            name="level"
            value={query.level}
            onChange={(event) =>
              onChange({ ...query, text, level: event.target.value as OverviewQuery["level"], page: 1 })
            }
            className={selectClass}
          >
            <option value="all">all</option>
            <option value="gold">Gold</option>
            <option value="silver">Silver</option>
            <option value="bronze">Bronze</option>
            <option value="none">Not yet</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 sm:hidden" htmlFor={`${ids}-sort`}>
          <span className="text-xs text-neutral-600 dark:text-neutral-400">Sort</span>
          <select
            id={`${ids}-sort`}
            value={sortValue}
            onChange={(event) => {
              const choice = sortChoices.find((option) => option.value === event.target.value);
              if (choice) onChange({ ...query, text, sort: choice.sort, direction: choice.direction, page: 1 });
            }}
            className={selectClass}
          >
            {sortChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        {/* Without JavaScript the sort travels with the form. */}
        {query.sort !== "scoreOverall" || query.direction !== "ascending" ? (
          <>
            <input type="hidden" name="sort" value={query.sort} />
            <input type="hidden" name="dir" value={query.direction === "ascending" ? "asc" : "desc"} />
          </>
        ) : null}
        <noscript>
          <button type="submit" className={selectClass}>
            Apply
          </button>
        </noscript>
        <p className="ml-auto text-xs text-neutral-600 dark:text-neutral-400" aria-live="polite">
          {children}
        </p>
      </form>
    </search>
  );
}
