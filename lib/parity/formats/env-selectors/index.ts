import type { Format } from "../../types";
import { CODE_GLOBS } from "./app-defaults";
import { extractEnvSelectors } from "./extract";

/**
 * Selector variables (`DB_TYPE`, `FILE_STORAGE`, `CACHE_STORE`...) in environment-named `.env.*`
 * files, and the application's own defaults (its env schema or config code) where an env file or
 * platform blueprint leaves them unset.
 */
export const envSelectorsFormat = {
  id: "env-selectors",
  title: "Service selector variables in .env files",
  patterns: [
    "**/.env.{example,sample,template,local,development,dev,test,testing,ci,staging,production,prod}",
    "app.json",
    "**/render.yaml",
    "**/fly.toml",
  ],
  reads: CODE_GLOBS,
  extract: extractEnvSelectors,
} satisfies Format;
