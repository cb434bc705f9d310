/**
 * Where the direct labels at the end of a chart's lines go. Each label names its series at the
 * line's last known point; labels of lines that end close together are pushed apart (in the
 * chart's value units) so none hides another.
 */

export interface LineEnd<K extends string> {
  key: K;
  /** Index of the line's last point with a value. */
  index: number;
  value: number;
}

/** The last point with a value of each series, or nothing for a series with none. */
export function lineEnds<K extends string>(
  points: readonly Partial<Record<K, number | null>>[],
  keys: readonly K[],
): LineEnd<K>[] {
  return keys.flatMap((key) => {
    for (let index = points.length - 1; index >= 0; index -= 1) {
      const value = points[index]?.[key];
      if (typeof value === "number") return [{ key, index, value }];
    }
    return [];
  });
}

/**
 * Label positions (in value units) at least `minGap` apart, as close to each line's end as
 * possible: sorted by value, each pushed up from the one below it, then, from the top down, each
 * pushed back under `max` and under the one above it.
 */
export function spreadLabels<K extends string>(ends: readonly LineEnd<K>[], minGap: number, max = 100): Map<K, number> {
  const sorted = [...ends].sort((a, b) => a.value - b.value);
  const placed: number[] = [];
  for (const [i, end] of sorted.entries()) {
    const below = placed[i - 1];
    placed.push(below === undefined ? end.value : Math.max(end.value, below + minGap));
  }
  let ceiling = max;
  for (let i = placed.length - 1; i >= 0; i -= 1) {
    const value = Math.min(placed[i] ?? 0, ceiling);
    placed[i] = value;
    ceiling = value - minGap;
  }
  return new Map(sorted.map((end, i) => [end.key, placed[i] ?? end.value]));
}

/** A round axis top at or above `max` (at least 1), so label positions can be computed. */
export function axisTop(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= max) ?? 10;
  return step * magnitude;
}
