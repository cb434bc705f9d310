import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DoubleAppManifests } from "./app-manifests";
import { type Fault, type FaultRule, Faults } from "./faults";
import { runGraphql } from "./graphql";
import { DoubleOAuth } from "./oauth";
import { type RestAnswer, routeRest } from "./rest";
import { simpleUser } from "./shapes-account";
import { World } from "./world";

/**
 * The GitHub double: a node:http server that answers like api.github.com for the endpoints Parity
 * uses. ETags + If-None-Match give 304s that cost nothing; `x-ratelimit-*` headers come from real
 * per-identity accounting (5,000/h with a token, 60/h without, as GitHub documents); faults are
 * injected per test; every request is counted and logged.
 */

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** Rate-limit points charged (0 for a 304 or /rate_limit). */
  cost: number;
  resource: "core" | "graphql";
}

interface Bucket {
  limit: number;
  used: number;
  reset: number;
}

export interface GitHubDouble {
  /** The REST base: the origin, or `origin/api/v3` for an enterprise double (GHES). */
  url: string;
  /** GitHub's web address (sign-in, the App form): the API's origin, or a second origin for GHES. */
  webUrl: string;
  world: World;
  log: LoggedRequest[];
  /** Requests received since start or the last `resetLog()`. */
  readonly requestCount: number;
  /** The App manifest flow: `manifests.issue(manifest)` gives the code GitHub would redirect with. */
  manifests: DoubleAppManifests;
  inject(rule: FaultRule): void;
  clearFaults(): void;
  resetLog(): void;
  close(): Promise<void>;
}

export interface DoubleOptions {
  world?: World;
  port?: number;
  host?: string;
  /**
   * Behave like GitHub Enterprise Server: REST under `/api/v3`, GraphQL at `/api/graphql`, and the
   * web pages (`/login/oauth/*`, the App manifest form) on a second origin, as a GHES host set up
   * with a separate web host would be; nothing answers at the root paths github.com uses.
   */
  enterprise?: boolean;
}

/** Which of GitHub's faces a listening socket is: both (github.com's shape), its API or its web. */
type Surface = "both" | "api" | "web";

/** The path GitHub.com would have answered, or null when this surface does not serve it. */
function pathOnSurface(surface: Surface, pathname: string): string | null {
  const web = pathname.startsWith("/login/oauth/") || /^\/(organizations\/[^/]+\/)?settings\/apps\/new$/.test(pathname);
  if (surface === "both") return pathname;
  if (surface === "web") return web ? pathname : null;
  if (pathname === "/api/graphql") return "/graphql";
  if (pathname.startsWith("/_double/")) return pathname;
  return pathname.startsWith("/api/v3/") ? pathname.slice("/api/v3".length) : null;
}

const LIMITS = { core: { auth: 5000, anon: 60 }, graphql: { auth: 5000, anon: 0 } } as const;

export async function startGitHubDouble(options: DoubleOptions = {}): Promise<GitHubDouble> {
  const world = options.world ?? new World();
  const faults = new Faults();
  const buckets = new Map<string, Bucket>();
  const tokens = new Map<string, number>();
  const oauth = new DoubleOAuth(world);
  const manifests = new DoubleAppManifests();
  const state = { log: [] as LoggedRequest[] };
  let api = "";

  function bucket(identity: string, resource: "core" | "graphql", authenticated: boolean): Bucket {
    const key = `${identity}|${resource}`;
    const now = Math.floor(Date.now() / 1000);
    let b = buckets.get(key);
    if (!b || b.reset <= now) {
      b = { limit: LIMITS[resource][authenticated ? "auth" : "anon"], used: 0, reset: now + 3600 };
      buckets.set(key, b);
    }
    return b;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, surface: Surface): Promise<void> {
    const url = new URL(req.url ?? "/", api);
    const method = (req.method ?? "GET").toUpperCase();
    const served = pathOnSurface(surface, url.pathname);
    if (served === null) {
      res.writeHead(404, { "content-type": "application/json; charset=utf-8" });
      return void res.end(JSON.stringify({ message: "Not Found", documentation_url: "https://docs.github.com/rest" }));
    }
    // Link headers name the address the client used (`/api/v3/...` on an enterprise double).
    const requested = new URL(url.href);
    url.pathname = served;
    const raw = await readBody(req);
    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? null;
    const authenticated = auth !== null;
    // Anonymous limits are per IP on GitHub; tests simulate several callers with x-forwarded-for.
    const ip = String(req.headers["x-forwarded-for"] ?? req.socket.remoteAddress ?? "");
    const identity = auth ?? `anon:${ip}`;
    const isGraphql = url.pathname === "/graphql";
    const resource = isGraphql ? "graphql" : "core";
    const b = bucket(identity, resource, authenticated);
    const rateHeaders = () => ({
      "x-ratelimit-limit": String(b.limit),
      "x-ratelimit-remaining": String(Math.max(0, b.limit - b.used)),
      "x-ratelimit-used": String(b.used),
      "x-ratelimit-reset": String(b.reset),
      "x-ratelimit-resource": resource,
    });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}, cost = 0, json?: string) => {
      state.log.push({ method, path: url.pathname + url.search, status, cost, resource });
      const text = status === 304 || body === undefined ? "" : (json ?? JSON.stringify(body));
      res.writeHead(status, {
        ...(text ? { "content-type": "application/json; charset=utf-8" } : {}),
        "x-github-request-id": createHash("sha1").update(`${state.log.length}`).digest("hex").slice(0, 16),
        "x-github-api-version-selected": "2022-11-28",
        ...rateHeaders(),
        ...headers,
      });
      res.end(text);
    };

    // Tests in another process (the e2e suite) switch faults on and off over HTTP.
    if (url.pathname === "/_double/faults") {
      if (method === "DELETE") faults.clear();
      else if (method === "POST") {
        const rule = parseJson(raw) as { fault?: Fault; method?: string; path?: string; times?: number };
        if (!rule.fault) return send(400, { message: "Send { fault, method?, path?, times? }." });
        faults.inject({ fault: rule.fault, method: rule.method, path: rule.path, times: rule.times });
      } else return send(404, { message: "Not Found" });
      return send(204, undefined);
    }

    let maxTreeEntries: number | null = null;
    for (const fault of faults.take(method, url.pathname)) {
      const early = await applyFault(fault, b);
      if (early) return send(early.status, early.body, early.headers);
      if (fault.kind === "truncate-tree") maxTreeEntries = fault.maxEntries;
    }

    if (method === "GET" && url.pathname === "/rate_limit") {
      const core = bucket(identity, "core", authenticated);
      const gql = bucket(identity, "graphql", authenticated);
      const view = (x: Bucket) => ({
        limit: x.limit,
        used: x.used,
        remaining: Math.max(0, x.limit - x.used),
        reset: x.reset,
      });
      const search = { limit: authenticated ? 30 : 10, used: 0, remaining: authenticated ? 30 : 10, reset: core.reset };
      return send(200, { resources: { core: view(core), graphql: view(gql), search }, rate: view(core) });
    }
    if (b.used >= b.limit && b.limit > 0) {
      return send(403, {
        message: `API rate limit exceeded for ${authenticated ? "user" : "IP"}.`,
        documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
      });
    }
    const body = parseJson(raw);

    if (isGraphql) {
      if (method !== "POST") return send(404, { message: "Not Found" });
      if (!authenticated) {
        return send(401, {
          message: "This endpoint requires you to be authenticated.",
          documentation_url:
            "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql",
        });
      }
      if (typeof body.query !== "string") return send(400, { message: "Problems parsing JSON" });
      let charged = 0;
      const { result } = await runGraphql(
        world,
        { query: body.query, variables: body.variables as Record<string, unknown> | undefined },
        (cost) => {
          charged = cost;
          b.used += cost;
          return {
            limit: b.limit,
            used: b.used,
            remaining: Math.max(0, b.limit - b.used),
            resetAt: new Date(b.reset * 1000).toISOString(),
          };
        },
      );
      const errors = result.errors?.map((e) => {
        // GitHub puts the error's type at the top level (`"type": "NOT_FOUND"`).
        const json = e.toJSON();
        const type = json.extensions?.type;
        return typeof type === "string" ? { ...json, type } : json;
      });
      return send(
        200,
        { ...(result.data !== undefined ? { data: result.data } : {}), ...(errors ? { errors } : {}) },
        {},
        charged,
      );
    }

    const conversion = manifests.route(method, url.pathname, () => simpleUser(api, world.account("acme")));
    if (conversion) return send(conversion.status, conversion.body);
    const registration = manifests.page(method, url, raw, String(req.headers["content-type"] ?? ""));
    if (registration) {
      state.log.push({ method, path: url.pathname, status: registration.status, cost: 0, resource });
      res.writeHead(registration.status, registration.headers);
      return void res.end(registration.text);
    }

    const signIn = oauth.route(method, url, raw, String(req.headers["content-type"] ?? ""), auth, api);
    if (signIn?.html !== undefined) {
      state.log.push({ method, path: url.pathname + url.search, status: signIn.status, cost: 0, resource });
      res.writeHead(signIn.status, { "content-type": "text/html; charset=utf-8", ...signIn.headers });
      return void res.end(signIn.html);
    }
    if (signIn && signIn.status === 302) {
      state.log.push({ method, path: url.pathname, status: 302, cost: 0, resource });
      res.writeHead(302, signIn.headers);
      return void res.end();
    }
    if (signIn) {
      const { payload, headers } = paginate({ status: signIn.status, body: signIn.body, list: signIn.list }, requested);
      b.used += 1;
      return send(signIn.status, payload, headers, 1);
    }
    // A signed-in user's token reads only what that user may see (public, or granted).
    const userLogin = oauth.userOf(auth);
    const [head, owner, name] = url.pathname.split("/").filter(Boolean);
    if (userLogin && head === "repos" && owner && name) {
      const repo = world.findRepo(decodeURIComponent(owner), decodeURIComponent(name));
      if (repo && !world.userCanSee(userLogin, repo)) {
        b.used += 1;
        return send(
          404,
          { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" },
          {},
          1,
        );
      }
    }

    const installationId = auth ? (tokens.get(auth) ?? null) : null;
    const answer: RestAnswer = routeRest(world, {
      method,
      segments: url.pathname.split("/").filter(Boolean),
      query: url.searchParams,
      body,
      api,
      installationId,
      authenticated,
      maxTreeEntries,
    });
    if (answer.status === 201 && url.pathname.endsWith("/access_tokens")) {
      const issued = answer.body as { token: string };
      tokens.set(issued.token, Number(url.pathname.split("/")[3]));
    }
    const { payload, headers } = paginate(answer, requested);
    if (method === "GET" && answer.status === 200) {
      // Serialised once: the ETag is the hash of exactly the bytes sent.
      const json = JSON.stringify(payload);
      const etag = `W/"${createHash("sha1").update(json).digest("hex")}"`;
      const inm = req.headers["if-none-match"];
      if (inm?.split(/\s*,\s*/).includes(etag)) return send(304, undefined, { etag, ...headers });
      b.used += 1;
      return send(200, payload, { etag, "cache-control": "private, max-age=60, s-maxage=60", ...headers }, 1, json);
    }
    b.used += 1;
    return send(answer.status, payload, headers, 1);
  }

  const serve = (surface: Surface) =>
    createServer((req, res) => {
      handle(req, res, surface).catch((error: unknown) => {
        if (res.headersSent) return res.end();
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: `double error: ${error instanceof Error ? error.message : String(error)}` }));
      });
    });
  const host = options.host ?? "127.0.0.1";
  const listen = async (server: ReturnType<typeof serve>, port: number): Promise<string> => {
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    return `http://${host}:${(server.address() as AddressInfo).port}`;
  };
  const server = serve(options.enterprise ? "api" : "both");
  const origin = await listen(server, options.port ?? 0);
  api = options.enterprise ? `${origin}/api/v3` : origin;
  const webServer = options.enterprise ? serve("web") : null;
  const webUrl = webServer ? await listen(webServer, 0) : origin;
  const close = (target: ReturnType<typeof serve>) =>
    new Promise<void>((resolve, reject) => {
      target.closeAllConnections();
      target.close((error) => (error ? reject(error) : resolve()));
    });

  return {
    url: api,
    webUrl,
    world,
    get log() {
      return state.log;
    },
    get requestCount() {
      return state.log.length;
    },
    manifests,
    inject: (rule) => faults.inject(rule),
    clearFaults: () => faults.clear(),
    resetLog: () => {
      state.log = [];
    },
    close: async () => {
      await close(server);
      if (webServer) await close(webServer);
    },
  };
}

async function applyFault(
  fault: Fault,
  b: Bucket,
): Promise<{ status: number; body: unknown; headers?: Record<string, string> } | null> {
  if (fault.kind === "slow") {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    return null;
  }
  if (fault.kind === "truncate-tree") return null;
  if (fault.kind === "secondary-limit") {
    return {
      status: fault.status ?? 403,
      headers: { "retry-after": String(fault.retryAfter ?? 60) },
      body: {
        message:
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
        documentation_url:
          "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
      },
    };
  }
  if (fault.kind === "primary-limit") {
    b.used = b.limit;
    b.reset = Math.floor(Date.now() / 1000) + (fault.resetIn ?? 3600);
    return {
      status: 403,
      body: {
        message: "API rate limit exceeded.",
        documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
      },
    };
  }
  const messages: Record<number, string> = {
    404: "Not Found",
    429: "Too Many Requests",
    451: "Repository access blocked",
    500: "Server Error",
    502: "Server Error",
    503: "Service Unavailable",
  };
  return { status: fault.status, body: { message: messages[fault.status] ?? "Error" } };
}

function paginate(answer: RestAnswer, url: URL): { payload: unknown; headers: Record<string, string> } {
  if (!answer.list) return { payload: answer.body, headers: answer.headers ?? {} };
  const perPage = Math.min(Math.max(Number(url.searchParams.get("per_page") ?? 30) || 30, 1), 100);
  const page = Math.max(Number(url.searchParams.get("page") ?? 1) || 1, 1);
  const items = answer.list.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = { ...(answer.headers ?? {}) };
  if (page * perPage < answer.list.length) {
    const next = new URL(url);
    next.searchParams.set("page", String(page + 1));
    const last = new URL(url);
    last.searchParams.set("page", String(Math.ceil(answer.list.length / perPage)));
    headers.link = `<${next}>; rel="next", <${last}>; rel="last"`;
  }
  return { payload: items, headers };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(raw: string): Record<string, unknown> {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
