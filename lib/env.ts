import { z } from "zod";
import { trustedProxyProblem } from "./ip-addresses";

/**
 * The only reader of `process.env` in the product (a test enforces it). Every variable is
 * validated here; a bad or missing value stops start-up with a sentence that names it.
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
    .optional(),
  PARITY_DATA_DIR: z.string().min(1, "must be a directory path").default(".data/pglite"),
  PORT: z.coerce.number().int("must be a whole number").min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  GITHUB_API_URL: z.string().url("must be a URL such as https://api.github.com").default("https://api.github.com"),
  GITHUB_TOKEN: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"], "must be one of debug, info, warn, error").default("info"),
  /** https://no-color.org: any value turns ANSI colour off in the CLI. */
  NO_COLOR: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** The PR bot's GitHub App (docs/github-app.md); all optional: without them the bot is off. */
  GITHUB_APP_ID: z.string().regex(/^\d+$/, "must be the App's numeric id").optional(),
  GITHUB_APP_PRIVATE_KEY: z.string().includes("PRIVATE KEY", "must be the App's PEM private key").optional(),
  GITHUB_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  GITHUB_APP_SLUG: z.string().min(1).optional(),
  /** The URL GitHub reaches Parity at (webhook and manifest callbacks, the OAuth callback, origin
   *  checks); else the request's host. */
  PARITY_PUBLIC_URL: z.string().url("must be a URL such as https://parity.example.com").optional(),
  /** The bot's spacing of GitHub writes in ms (default: 1 s, comments 3 s). For GHES without rate
   *  limits or the double only: ignored for api.github.com (lib/bot/app-client.ts). */
  GITHUB_WRITE_INTERVAL_MS: z.coerce.number().int("must be a whole number").min(0).optional(),
  /** The check run fails on new findings of this severity or worse; `none` never fails. */
  PARITY_CHECK_FAIL_ON: z
    .enum(["high", "medium", "low", "none"], "must be one of high, medium, low, none")
    .default("high"),
  /** Team mode (sign-in with GitHub) is on when the client id, its secret and the session secret are set. */
  GITHUB_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * GitHub's web address, beside GITHUB_API_URL: sign-in, the App's creation form, links to files,
   * commits and pull requests (github.com, a GHES host, or the GitHub double). Unset: derived from
   * GITHUB_API_URL (githubWebUrl).
   */
  GITHUB_URL: z.string().url("must be a URL such as https://github.com or https://ghes.example.com").optional(),
  /** The earlier name of GITHUB_URL, still honoured when GITHUB_URL is not set. */
  GITHUB_OAUTH_URL: z.string().url("must be a URL such as https://github.com").optional(),
  /** Signs session cookies and encrypts the user tokens kept in sessions. */
  PARITY_SESSION_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -hex 32)").optional(),
  /** `1` lets local mode (no sign-in) listen on a non-loopback address: anyone who reaches it sees everything. */
  PARITY_INSECURE_ALLOW_REMOTE: z.enum(["0", "1"], "must be 1 or 0").optional(),
  /** Web processes `npm start` runs on one port (docs/development.md); more than one needs a server. */
  PARITY_WEB_PROCESSES: z.coerce.number().int("must be a whole number").min(1).max(64).optional(),
  /** Proxies in front of Parity whose `X-Forwarded-For` is believed (addresses and CIDR ranges). */
  PARITY_TRUSTED_PROXIES: z
    .string()
    .superRefine((value, context) => {
      const problem = trustedProxyProblem(value);
      if (problem) context.addIssue({ code: "custom", message: `must list IP addresses or CIDR ranges (${problem})` });
    })
    .optional(),
});

/**
 * The web address that goes with a GitHub API address: github.com for api.github.com,
 * `https://ghes.example.com` for GHES's `https://ghes.example.com/api/v3`, and the API's own
 * address otherwise (the GitHub double serves both).
 */
export function webUrlForApi(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname === "api.github.com") return "https://github.com";
  return `${url.origin}${url.pathname.replace(/\/api\/v3\/?$/, "").replace(/\/+$/, "")}`;
}

/** GitHub's web address without a trailing slash: GITHUB_URL, GITHUB_OAUTH_URL, else derived from the API's. */
export function githubWebUrl(settings: Pick<Env, "GITHUB_URL" | "GITHUB_OAUTH_URL" | "GITHUB_API_URL">): string {
  const configured = settings.GITHUB_URL ?? settings.GITHUB_OAUTH_URL;
  return (configured ?? webUrlForApi(settings.GITHUB_API_URL)).replace(/\/+$/, "");
}

/**
 * The GitHub Actions runner's variables (`INPUT_*`, `GITHUB_*`, `RUNNER_*`) for the Action
 * (cli/action): the runner's contract rather than Parity's settings, so passed on as they are.
 */
export function actionsRunnerVariables(): Readonly<Record<string, string | undefined>> {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => /^(INPUT|GITHUB|RUNNER)_/.test(name)));
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

const SIGN_IN_VARIABLES = ["GITHUB_OAUTH_CLIENT_ID", "GITHUB_OAUTH_CLIENT_SECRET", "PARITY_SESSION_SECRET"] as const;

/** Sentences for settings that are each valid but wrong together (half of team mode, an open local mode). */
function combinationProblems(settings: z.infer<typeof schema>): string[] {
  const set = SIGN_IN_VARIABLES.filter((name) => settings[name] !== undefined);
  if (set.length > 0 && set.length < SIGN_IN_VARIABLES.length) {
    const missing = SIGN_IN_VARIABLES.filter((name) => settings[name] === undefined);
    return [`Sign-in needs ${SIGN_IN_VARIABLES.join(", ")}: ${missing.join(", ")} is not set.`];
  }
  if ((settings.PARITY_WEB_PROCESSES ?? 1) > 1 && !settings.DATABASE_URL) {
    return [
      `Environment variable PARITY_WEB_PROCESSES is ${settings.PARITY_WEB_PROCESSES}, but the embedded database lives in one process: set DATABASE_URL to a PostgreSQL server to run several.`,
    ];
  }
  if (set.length === 0 && !isLoopbackHost(settings.HOST) && settings.PARITY_INSECURE_ALLOW_REMOTE !== "1") {
    return [
      `Environment variable HOST is ${settings.HOST}, but without sign-in Parity only listens on 127.0.0.1: configure sign-in (docs/security.md) or set PARITY_INSECURE_ALLOW_REMOTE=1.`,
    ];
  }
  return [];
}

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates a set of variables; throws EnvError with one sentence per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string means "unset" for optional settings (a common shell habit: `DATABASE_URL=`).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) {
    const problems = combinationProblems(result.data);
    if (problems.length > 0) throw new EnvError(problems.join(" "));
    return result.data;
  }
  const sentences = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    if (cleaned[name] === undefined) return `Environment variable ${name} is required.`;
    const message = issue.code === "invalid_type" ? `must be a ${issue.expected}` : issue.message;
    return `Environment variable ${name} is invalid: it ${message}.`;
  });
  throw new EnvError(sentences.join(" "));
}

/**
 * How many web processes `npm start` runs: PARITY_WEB_PROCESSES, else one per core on a
 * PostgreSQL server (rendering is CPU-bound and one Node process uses one core) and one on the
 * embedded database, which only one process may open.
 */
export function webProcessCount(settings: Env, cores: number): number {
  if (settings.PARITY_WEB_PROCESSES !== undefined) return settings.PARITY_WEB_PROCESSES;
  return settings.DATABASE_URL ? Math.max(1, Math.min(cores, 8)) : 1;
}

let cached: Env | undefined;

/** "team" when sign-in with GitHub is configured; "local" (loopback only, no sign-in) otherwise. */
export function authMode(settings: Env = env()): "local" | "team" {
  return settings.GITHUB_OAUTH_CLIENT_ID && settings.GITHUB_OAUTH_CLIENT_SECRET && settings.PARITY_SESSION_SECRET
    ? "team"
    : "local";
}

/** The validated environment of this process, read once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
