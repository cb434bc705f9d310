"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import type { OverviewQuery, OverviewSortDirection, OverviewSortKey } from "@/lib/db/queries/overview-query";
import { ScrollRegion } from "../card";
import type { RepositorySummaryView } from "../dashboard-types";
import { hrefOf } from "./overview-url";
import { RepositoryRow } from "./repository-rows";
import { TableControls } from "./table-controls";

const COLUMNS: {
  key: OverviewSortKey | null;
  label: string;
  numeric?: boolean;
  firstDirection?: OverviewSortDirection;
  /** Left out below 640 px (its cells too: WIDE_ONLY in repository-rows.tsx). */
  wideOnly?: boolean;
}[] = [
  { key: "fullName", label: "Repository", firstDirection: "ascending" },
  { key: "level", label: "Level", wideOnly: true },
  { key: "scoreOverall", label: "Overall", numeric: true },
  { key: "scoreTools", label: "Tools", numeric: true, wideOnly: true },
  { key: "scoreTime", label: "Time", numeric: true, wideOnly: true },
  { key: "scorePersonnel", label: "People", numeric: true, wideOnly: true },
  { key: "worstFinding", label: "Worst finding", firstDirection: "ascending" },
  { key: null, label: "Trend", wideOnly: true },
  { key: "lastAuditAt", label: "Audited", wideOnly: true },
];

/**
 * The repository table: one page of rows, read on the server for the view in the URL. Sorting,
 * filtering, searching and paging change the URL (so a view can be shared and survives a reload)
 * and the server sends the new page; sort headers and page links are plain links, and the filters
 * a form, so they work before JavaScript loads. Below 640 px the table keeps three columns (name,
 * overall, worst finding) and fits the screen; a select sorts instead of the hidden headers.
 */
export function RepositoryTable({
  rows,
  total = rows.length,
  now,
  query,
  page = query.page,
  pageSize,
}: {
  rows: RepositorySummaryView[];
  /** Repositories matching the view, over all pages. */
  total?: number;
  now: string;
  query: OverviewQuery;
  /** The page shown (the server clamps a page past the end). */
  page?: number;
  /** Rows per page, as the server read them (lib/db/queries/overview-page.ts). */
  pageSize: number;
}) {
  const router = useRouter();
  const path = usePathname() ?? "/";
  const [pending, startTransition] = useTransition();
  const clock = useMemo(() => new Date(now), [now]);
  const shown = { ...query, page };
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const lastShown = Math.min(total, page * pageSize);

  function navigate(next: OverviewQuery, how: "push" | "replace" = "push") {
    startTransition(() => router[how](hrefOf(path, next), { scroll: false }));
  }

  function sortHref(key: OverviewSortKey, firstDirection: OverviewSortDirection = "descending"): string {
    const direction =
      query.sort === key ? (query.direction === "ascending" ? "descending" : "ascending") : firstDirection;
    return hrefOf(path, { ...query, sort: key, direction, page: 1 });
  }

  return (
    <div className="space-y-3">
      <TableControls query={query} path={path} onChange={navigate} pending={pending}>
        {pending
          ? "updating…"
          : total === 0
            ? "no repository matches"
            : pages === 1
              ? `${total} shown`
              : `${first}–${lastShown} of ${total}`}
      </TableControls>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-neutral-200 px-3 py-8 text-center text-sm text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
          No repository matches these filters.
        </p>
      ) : (
        <div className="rounded-lg border border-neutral-200 dark:border-neutral-800">
          <ScrollRegion label="Repositories table">
            <table className="w-full text-sm sm:min-w-[56rem]">
              <caption className="sr-only">
                Repositories with their parity level and scores; column headers sort the table.
              </caption>
              <thead className="border-b border-neutral-200 text-left text-xs text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
                <tr>
                  {COLUMNS.map((column) => {
                    const active = column.key !== null && query.sort === column.key;
                    const Icon = active ? (query.direction === "ascending" ? ArrowUp : ArrowDown) : ArrowUpDown;
                    return (
                      <th
                        key={column.label}
                        scope="col"
                        aria-sort={active ? query.direction : column.key ? "none" : undefined}
                        className={`px-2 py-2 font-medium sm:px-3 ${column.numeric ? "text-right" : ""} ${
                          column.wideOnly ? "hidden sm:table-cell" : ""
                        }`}
                      >
                        {column.key ? (
                          <Link
                            href={sortHref(column.key, column.firstDirection)}
                            scroll={false}
                            className={`inline-flex items-center gap-1 rounded hover:text-neutral-900 dark:hover:text-neutral-100 ${
                              active ? "text-neutral-900 dark:text-neutral-100" : ""
                            }`}
                          >
                            {column.label}
                            <Icon className="size-3" aria-hidden />
                          </Link>
                        ) : (
                          column.label
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100 dark:divide-neutral-900">
                {rows.map((row) => (
                  <RepositoryRow key={row.id} row={row} now={clock} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}

      {pages > 1 ? (
        <nav aria-label="Pages of repositories" className="flex items-center justify-between gap-3 text-sm">
          <PageLink href={page > 1 ? hrefOf(path, { ...shown, page: page - 1 }) : null} rel="prev">
            ← Previous
          </PageLink>
          <span className="text-neutral-600 dark:text-neutral-400">
            Page {page} of {pages}
          </span>
          <PageLink href={page < pages ? hrefOf(path, { ...shown, page: page + 1 }) : null} rel="next">
            Next →
          </PageLink>
        </nav>
      ) : null}
    </div>
  );
}

const pageLinkClass = "rounded-md border px-3 py-1.5";

function PageLink({ href, rel, children }: { href: string | null; rel: string; children: React.ReactNode }) {
  if (!href) {
    return (
      <span
        aria-disabled="true"
        className={`${pageLinkClass} border-neutral-200 text-neutral-500 dark:border-neutral-800 dark:text-neutral-400`}
      >
        {children}
      </span>
    );
  }
  return (
    <Link
      href={href}
      rel={rel}
      scroll={false}
      className={`${pageLinkClass} border-neutral-300 hover:bg-neutral-50 dark:border-neutral-700 dark:hover:bg-neutral-900`}
    >
      {children}
    </Link>
  );
}
