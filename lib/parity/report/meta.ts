import { type CheckMeta, PARSE_ERROR_CHECK } from "../check-meta";
import type { Report } from "../types";

export interface RenderOptions {
  /** Check metadata (title, rationale, remediation); the public entry passes ALL_CHECKS. */
  checks?: readonly CheckMeta[];
}

/** Metadata for every check a report mentions, the engine's own parse-error check included. */
export function metaIndex(checks: readonly CheckMeta[] | undefined): Map<string, CheckMeta> {
  const index = new Map<string, CheckMeta>([[PARSE_ERROR_CHECK.id, PARSE_ERROR_CHECK]]);
  for (const check of checks ?? []) index.set(check.id, check);
  return index;
}

export function formatScore(score: number | null): string {
  return score === null ? "n/a" : String(Math.round(score));
}

/** The dashboard's words too (components/format.ts, the badge): "Not yet" until a level is reached. */
export function levelName(level: Report["level"]): string {
  return level === null ? "Not yet" : level[0]?.toUpperCase() + level.slice(1);
}

/** `file:line`; history evidence has no file (it is about deploys, not a line): `history`. */
export function location(file: string, line: number): string {
  if (!file) return "history";
  return line > 0 ? `${file}:${line}` : file;
}
