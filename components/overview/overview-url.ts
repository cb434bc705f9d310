import {
  DEFAULT_OVERVIEW_QUERY,
  MAX_SEARCH_LENGTH,
  OVERVIEW_GAPS,
  OVERVIEW_LEVELS,
  OVERVIEW_SORT_KEYS,
  type OverviewQuery,
} from "@/lib/db/queries/overview-query";

/**
 * The overview's view in its URL: `?q=redis&gap=time&level=none&sort=scoreTools&dir=desc&page=2`.
 * Defaults are left out, so the plain overview stays `/`; anything unknown falls back to the default
 * (a hand-edited or old link still opens a page).
 */

export type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function queryFromSearchParams(params: SearchParams | URLSearchParams): OverviewQuery {
  const get = (key: string) => (params instanceof URLSearchParams ? (params.get(key) ?? undefined) : one(params[key]));
  const page = Number(get("page"));
  const dir = get("dir");
  return {
    text: (get("q") ?? "").slice(0, MAX_SEARCH_LENGTH),
    gap: oneOf(OVERVIEW_GAPS, get("gap"), DEFAULT_OVERVIEW_QUERY.gap),
    level: oneOf(OVERVIEW_LEVELS, get("level"), DEFAULT_OVERVIEW_QUERY.level),
    sort: oneOf(OVERVIEW_SORT_KEYS, get("sort"), DEFAULT_OVERVIEW_QUERY.sort),
    direction: dir === "asc" ? "ascending" : dir === "desc" ? "descending" : DEFAULT_OVERVIEW_QUERY.direction,
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
  };
}

/** The query string for a view (without `?`), defaults left out. */
export function searchParamsOf(query: OverviewQuery): string {
  const params = new URLSearchParams();
  if (query.text.trim()) params.set("q", query.text.trim());
  if (query.gap !== DEFAULT_OVERVIEW_QUERY.gap) params.set("gap", query.gap);
  if (query.level !== DEFAULT_OVERVIEW_QUERY.level) params.set("level", query.level);
  if (query.sort !== DEFAULT_OVERVIEW_QUERY.sort || query.direction !== DEFAULT_OVERVIEW_QUERY.direction) {
    params.set("sort", query.sort);
    params.set("dir", query.direction === "ascending" ? "asc" : "desc");
  }
  if (query.page > 1) params.set("page", String(query.page));
  return params.toString();
}

/** `path?query`, or just `path` for the default view. */
export function hrefOf(path: string, query: OverviewQuery): string {
  const search = searchParamsOf(query);
  return search ? `${path}?${search}` : path;
}
