/**
 * One pass over a snapshot's paths, shared by the formats' path index (formats/path-index.ts) and
 * the case-collision check. Reading 100,000 path strings costs milliseconds whatever is done with
 * them (each is a separate heap object), so the two used to pay for two or three passes; one
 * pass now records what each needs, and later questions read small typed arrays instead of the
 * strings. Memoized on the `paths` array itself, like the path index: one snapshot, one audit.
 */
export interface PathScan {
  /** Each path's last UTF-16 unit (0 for the empty path), by index. */
  lastChars: Uint16Array;
  /** Each path's first UTF-16 unit (0 for the empty path), by index. */
  firstChars: Uint16Array;
  /** The paths that lower case changes (only they can collide), in snapshot order. */
  mixedCase: readonly string[];
}

const scans = new WeakMap<readonly string[], PathScan>();

/**
 * A character lower case may change: an ASCII capital, or anything past ASCII (then compared
 * exactly). `toLowerCase` allocates a copy of every string it is asked about, 100,000 of them a
 * monorepo; this test allocates nothing, and nearly every path has neither.
 */
const MAY_CHANGE_CASE = /[A-Z\u0080-\uFFFF]/;

export function scanPaths(paths: readonly string[]): PathScan {
  const cached = scans.get(paths);
  // The length check keeps a caller that grows its array between calls from reading a stale scan.
  if (cached && cached.lastChars.length === paths.length) return cached;
  const lastChars = new Uint16Array(paths.length);
  const firstChars = new Uint16Array(paths.length);
  const mixedCase: string[] = [];
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i] as string;
    if (path.length === 0) continue;
    lastChars[i] = path.charCodeAt(path.length - 1);
    firstChars[i] = path.charCodeAt(0);
    if (MAY_CHANGE_CASE.test(path) && path.toLowerCase() !== path) mixedCase.push(path);
  }
  const scan: PathScan = { lastChars, firstChars, mixedCase };
  scans.set(paths, scan);
  return scan;
}
