import picomatch from "picomatch";
import type { ParityConfig } from "../types";
import { DEFAULT_PRODUCTION } from "./defaults";

/** Names that contain `prod` but mean "not production" (pre-production, non-production). */
const NOT_PROD = /(^|[^a-z])(pre|non)[-_ ]?prod/;

function isDefaultList(names: readonly string[]): boolean {
  const normalized = names.map((name) => name.toLowerCase()).sort();
  const defaults = [...DEFAULT_PRODUCTION].sort();
  return normalized.length === defaults.length && normalized.every((name, index) => name === defaults[index]);
}

/**
 * Whether a deployment environment name (`production`, `prod-eu`, `Production`) counts as
 * production. With the default list, any name containing `prod` does (except pre-/non-prod);
 * a repository that lists its own names gets exactly those (globs allowed, case-insensitive).
 */
export function isProductionEnvironment(name: string, config: Pick<ParityConfig, "production">): boolean {
  const lower = name.trim().toLowerCase();
  if (lower === "") return false;
  const listed = config.production.some((entry) =>
    entry.includes("*") || entry.includes("?")
      ? picomatch.isMatch(lower, entry.toLowerCase(), { nocase: true, dot: true })
      : entry.toLowerCase() === lower,
  );
  if (listed) return true;
  if (!isDefaultList(config.production)) return false;
  return lower.includes("prod") && !NOT_PROD.test(lower);
}
