/** Types and answers shared by the double's REST routes. */

/** One REST route's answer before the server adds ETag, rate-limit and pagination headers. */
export interface RestAnswer {
  status: number;
  body: unknown;
  /** Items for a paginated list (the server slices by `per_page`/`page` and sets `Link`). */
  list?: unknown[];
  headers?: Record<string, string>;
}

export interface RestRequest {
  method: string;
  segments: string[];
  query: URLSearchParams;
  body: Record<string, unknown>;
  api: string;
  /** Installation id of the token, when it is an installation token the double issued. */
  installationId: number | null;
  authenticated: boolean;
  maxTreeEntries: number | null;
}

export const notFound: RestAnswer = {
  status: 404,
  body: { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" },
};
