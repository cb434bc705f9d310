import type { Report } from "../types";

/** Top-level keys in the order of the Report type; nested objects get sorted keys. */
const TOP_LEVEL: readonly (keyof Report)[] = [
  "schemaVersion",
  "engineVersion",
  "repository",
  "commit",
  "auditedAt",
  "scores",
  "level",
  "nextLevel",
  "checks",
  "findings",
  "inventory",
  "files",
  "metrics",
];

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]));
}

/**
 * The report as JSON with a stable key order, so the same report always serialises to the same
 * bytes (a report read back from a JSONB column included).
 */
export function toJson(report: Report): string {
  const ordered: Record<string, unknown> = {};
  for (const key of TOP_LEVEL) ordered[key] = canonical(report[key]);
  for (const [key, value] of Object.entries(report)) {
    if (!(key in ordered) && value !== undefined) ordered[key] = canonical(value);
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
