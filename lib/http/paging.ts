import { AppError } from "../errors/index";

/**
 * Page parameters of list endpoints, as GitHub's own API names them (`page`, `per_page`), and the
 * `Link` header that points at the other pages, so clients that follow GitHub's links follow ours.
 */
export interface PageRequest {
  page: number;
  perPage: number;
}

export const DEFAULT_PER_PAGE = 100;
export const MAX_PER_PAGE = 1000;

function whole(name: string, value: string | null, fallback: number, max: number): number {
  if (value === null || value === "") return fallback;
  if (!/^\d{1,7}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new AppError("bad_request", `Query parameter ${name} must be a whole number from 1 to ${max}.`);
  }
  return Number(value);
}

export function pageRequest(url: URL): PageRequest {
  return {
    page: whole("page", url.searchParams.get("page"), 1, 1_000_000),
    perPage: whole("per_page", url.searchParams.get("per_page"), DEFAULT_PER_PAGE, MAX_PER_PAGE),
  };
}

/** One page of `items`, and the `Link` header value naming the first, previous, next and last pages. */
export function pageOf<T>(items: readonly T[], request: PageRequest, url: URL): { items: T[]; link: string | null } {
  const last = Math.max(1, Math.ceil(items.length / request.perPage));
  const start = (request.page - 1) * request.perPage;
  const at = (page: number) => {
    const target = new URL(url);
    target.searchParams.set("page", String(page));
    target.searchParams.set("per_page", String(request.perPage));
    return target.pathname + target.search;
  };
  const links: string[] = [];
  if (request.page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(Math.min(request.page - 1, last))}>; rel="prev"`);
  if (request.page < last) links.push(`<${at(request.page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
  return { items: items.slice(start, start + request.perPage), link: links.length > 0 ? links.join(", ") : null };
}
