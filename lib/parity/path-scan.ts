/**
 * One pass over a snapshot's paths, shared by the formats' path index (formats/shared/path-index.ts) and
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
  /**
   * `nameHash` of each path's last segment: a question about file names (`manage.py`, `config.ts`
   * anywhere) compares numbers here and reads only the strings whose hash matches.
   */
  nameHashes: Int32Array;
  /** The paths that lower case changes (only they can collide), in snapshot order. */
  mixedCase: readonly string[];
}

const scans = new WeakMap<readonly string[], PathScan>();

const SLASH = 47;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over a file name's UTF-16 units, last to first (the order the scan reads a path's name
 * in, back to its last `/`). Equal names hash equally; a matching hash is then confirmed on the
 * string, so a collision costs a comparison, never a wrong answer.
 */
export function nameHash(name: string): number {
  let hash = FNV_OFFSET;
  for (let i = name.length - 1; i >= 0; i--) hash = Math.imul(hash ^ name.charCodeAt(i), FNV_PRIME);
  return hash;
}

export function scanPaths(paths: readonly string[]): PathScan {
  const cached = scans.get(paths);
  // The length check keeps a caller that grows its array between calls from reading a stale scan.
  if (cached && cached.lastChars.length === paths.length) return cached;
  const lastChars = new Uint16Array(paths.length);
  const firstChars = new Uint16Array(paths.length);
  const nameHashes = new Int32Array(paths.length).fill(FNV_OFFSET);
  const mixedCase: string[] = [];
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i] as string;
    const length = path.length;
    if (length === 0) continue;
    lastChars[i] = path.charCodeAt(length - 1);
    firstChars[i] = path.charCodeAt(0);
    // The name, read backwards to its `/`: a dozen characters, while the string is in cache.
    let hash = FNV_OFFSET;
    for (let at = length - 1; at >= 0; at--) {
      const char = path.charCodeAt(at);
      if (char === SLASH) break;
      hash = Math.imul(hash ^ char, FNV_PRIME);
    }
    nameHashes[i] = hash;
    // V8 lower-cases a one-byte string a machine word at a time and returns the string itself
    // when nothing changed: on the bench monorepo about half the cost of a regex test per path
    // for a capital or non-ASCII letter (the copy it writes meanwhile is short-lived garbage).
    if (path.toLowerCase() !== path) mixedCase.push(path);
  }
  const scan: PathScan = { lastChars, firstChars, nameHashes, mixedCase };
  scans.set(paths, scan);
  return scan;
}
