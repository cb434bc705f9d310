import type { Format } from "../../types";
import { extractEnvSelectors } from "./extract";

/** Selector variables (`DB_TYPE`, `FILE_STORAGE`, `CACHE_STORE`...) in environment-named `.env.*` files. */
export const envSelectorsFormat = {
  id: "env-selectors",
  title: "Service selector variables in .env files",
  patterns: ["**/.env.{example,sample,template,local,development,dev,test,testing,ci,staging,production,prod}"],
  extract: extractEnvSelectors,
} satisfies Format;
