/**
 * `1 commit`, `3 commits`, `1 person`, `2 people`: a count with its noun in the right number, for
 * every sentence the engine and the dashboard write (never "1 commits").
 */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
