import type { ParityConfig } from "../types";

/** Deployment environment names that count as production when `.parity.yml` says nothing. */
export const DEFAULT_PRODUCTION: readonly string[] = ["production", "prod"];

export const CONFIG_KEYS = ["environments", "production", "suppress", "comment"] as const;

/** A fresh default config (fresh arrays: callers may push into them). */
export function defaultConfig(): ParityConfig {
  return { environments: {}, production: [...DEFAULT_PRODUCTION], suppress: [], comment: "changes" };
}
