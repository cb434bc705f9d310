/** Time arithmetic for history metrics. Every instant comes in as data: the engine has no clock. */

import { countOf } from "../plural";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** The measured window: DORA's deploy frequency and lead time are read over recent months. */
export const WINDOW_DAYS = 90;

/** Milliseconds since epoch, or null when the source handed us a date we cannot read. */
export function parseTime(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** Start of the measured window: `now` minus WINDOW_DAYS, inclusive. */
export function windowStart(now: Date): number {
  return now.getTime() - WINDOW_DAYS * DAY_MS;
}

/** True when `ms` falls in [now - WINDOW_DAYS, now]: both edges count. */
export function inWindow(ms: number, now: Date): boolean {
  return ms >= windowStart(now) && ms <= now.getTime();
}

/** `2024-03-05` for an instant, in UTC so a deploy-day does not depend on the reader's zone. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function hoursBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / HOUR_MS;
}

/** Median of a list; null for an empty one. Even counts take the mean of the middle two. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Rounds for display and metrics (two decimals keeps hours readable without float noise). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `3.5 hours`, `2.1 days`: the unit a reader would pick. */
export function formatDuration(hours: number): string {
  if (hours < 1) return countOf(Math.round(hours * 60), "minute");
  if (hours < 48) return countOf(round1(hours), "hour");
  return countOf(round1(hours / 24), "day");
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
