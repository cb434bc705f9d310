import { z } from "zod";

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
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates a set of variables; throws EnvError with one sentence per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string means "unset" for optional settings (a common shell habit: `DATABASE_URL=`).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const sentences = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    if (cleaned[name] === undefined) return `Environment variable ${name} is required.`;
    const message = issue.code === "invalid_type" ? `must be a ${issue.expected}` : issue.message;
    return `Environment variable ${name} is invalid: it ${message}.`;
  });
  throw new EnvError(sentences.join(" "));
}

let cached: Env | undefined;

/** The validated environment of this process, read once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
