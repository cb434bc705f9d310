import { nameHash, scanPaths } from "../../path-scan";

/**
 * Fast questions about a snapshot's paths. A monorepo has 100,000 paths and formats ask about
 * siblings once per file they read, so a linear scan per question costs seconds; the index is
 * built once per `paths` array (memoized on the array itself: one snapshot, one audit) and
 * answers in O(1) or O(siblings).
 *
 * Even one pass that slices or hashes every path costs milliseconds per 100,000 paths, more than
 * parsing a YAML file, so each structure is built only when first asked for, and the cheapest
 * one that answers: `has` keeps a Set of the paths ending in the asked path's last character
 * (`l` for `Chart.yaml`, `n` for `artisan`), never one of every path.
 */
export interface PathIndex {
  has(path: string): boolean;
  /** Paths directly inside `dir` (`""` is the repository root), in snapshot order. */
  inDirectory(dir: string): readonly string[];
  /**
   * Paths for which `predicate` holds, computed once per `key` for this snapshot. `lastChars`,
   * when given, lists every last character (one UTF-16 unit each) a selected path can have (`"ln"` for `.yaml`, `.yml`
   * and `Kustomization`): only paths ending in one of them are tested, and the result lists them
   * by last character (in `lastChars` order), in snapshot order within each.
   */
  select(key: string, predicate: (path: string) => boolean, lastChars?: string): readonly string[];
  /**
   * `select` with a last-character hint whose result keeps snapshot order across characters, for
   * a caller that caps how many paths it takes (the first N in the tree). Reads the typed array
   * of last characters once, never the other paths' strings.
   */
  selectInOrder(key: string, predicate: (path: string) => boolean, lastChars: string): readonly string[];
  /**
   * Paths that are one of `suffixes` or end in `/` and one of them (`config.ts` or `config/index.ts`
   * in any folder), in snapshot order, computed once per `key`. Reads the scan's hashes of file
   * names, and only the strings whose name hashes like a suffix's last segment.
   */
  selectEndingIn(key: string, suffixes: readonly string[]): readonly string[];
  /** `select`, grouped by directory: the siblings of one kind, without grouping every path. */
  selectByDirectory(
    key: string,
    predicate: (path: string) => boolean,
    lastChars?: string,
  ): ReadonlyMap<string, readonly string[]>;
}

/** The paths ending in a character (by char code), in snapshot order. */
type LastCharBuckets = (char: number) => readonly string[];

/**
 * Paths by their last character, in snapshot order. The one pass over every path (path-scan.ts,
 * shared with the case-collision check) records each path's last char code in a typed array; a
 * question about one character then reads that array rather than the strings and collects its
 * few paths. In a monorepo nearly every path ends in `s` (`.ts`, `.js`) or `x`, so the
 * characters formats ask about (`l` for YAML, `n` for `artisan`) pick a few hundred.
 */
function groupByLastChar(paths: readonly string[]): LastCharBuckets {
  const codes = scanPaths(paths).lastChars;
  const buckets = new Map<number, string[]>();
  return (char) => {
    let bucket = buckets.get(char);
    if (!bucket) {
      bucket = [];
      for (let i = 0; i < codes.length; i++) if (codes[i] === char) bucket.push(paths[i] as string);
      buckets.set(char, bucket);
    }
    return bucket;
  };
}

const indexes = new WeakMap<readonly string[], PathIndex>();

export function pathIndex(paths: readonly string[]): PathIndex {
  const cached = indexes.get(paths);
  if (cached) return cached;
  let directories: Map<string, string[]> | undefined;
  let byLastChar: LastCharBuckets | undefined;
  const endingIn = (char: number): readonly string[] => {
    byLastChar ??= groupByLastChar(paths);
    return byLastChar(char);
  };
  const bucketSets = new Map<number, Set<string>>();
  const selections = new Map<string, readonly string[]>();
  const grouped = new Map<string, Map<string, string[]>>();
  const select = (key: string, predicate: (path: string) => boolean, lastChars?: string): readonly string[] => {
    let selected = selections.get(key);
    if (!selected) {
      selected = lastChars === undefined ? paths.filter(predicate) : selectByLastChar(lastChars, predicate);
      selections.set(key, selected);
    }
    return selected;
  };
  const selectByLastChar = (lastChars: string, predicate: (path: string) => boolean): string[] => {
    const selected: string[] = [];
    for (const char of new Set(lastChars)) {
      for (const path of endingIn(char.charCodeAt(0))) if (predicate(path)) selected.push(path);
    }
    return selected;
  };
  const inOrder = new Map<string, readonly string[]>();
  const bySuffix = new Map<string, readonly string[]>();
  const index: PathIndex = {
    selectEndingIn(key, suffixes) {
      let selected = bySuffix.get(key);
      if (!selected) {
        selected = selectBySuffix(paths, suffixes);
        bySuffix.set(key, selected);
      }
      return selected;
    },
    selectInOrder(key, predicate, lastChars) {
      let selected = inOrder.get(key);
      if (!selected) {
        const codes = scanPaths(paths).lastChars;
        // A flag per UTF-16 unit, read once per path: cheaper than a Set lookup 100,000 times.
        const wanted = new Uint8Array(65536);
        for (let i = 0; i < lastChars.length; i++) wanted[lastChars.charCodeAt(i)] = 1;
        const list: string[] = [];
        for (let i = 0; i < codes.length; i++) {
          if (wanted[codes[i] as number] === 0) continue;
          const path = paths[i] as string;
          if (predicate(path)) list.push(path);
        }
        selected = list;
        inOrder.set(key, selected);
      }
      return selected;
    },
    has(path) {
      // Only paths ending in the same character can be this one: a Set of that bucket answers.
      const code = path.length === 0 ? 0 : path.charCodeAt(path.length - 1);
      let bucket = bucketSets.get(code);
      if (!bucket) {
        bucket = new Set(endingIn(code));
        bucketSets.set(code, bucket);
      }
      return bucket.has(path);
    },
    inDirectory(dir) {
      directories ??= groupByDirectory(paths);
      return directories.get(dir) ?? [];
    },
    select,
    selectByDirectory(key, predicate, lastChars) {
      let groups = grouped.get(key);
      if (!groups) {
        groups = groupByDirectory(select(key, predicate, lastChars));
        grouped.set(key, groups);
      }
      return groups;
    },
  };
  indexes.set(paths, index);
  return index;
}

/**
 * Paths equal to a suffix or ending in `/` and one, in snapshot order. A flag per low 16 bits of
 * the wanted name hashes rules out nearly every path on the typed array alone; a flagged path's
 * hash is looked up, and its string compared only when a suffix's name hashes the same.
 */
function selectBySuffix(paths: readonly string[], suffixes: readonly string[]): string[] {
  const { nameHashes } = scanPaths(paths);
  const byHash = new Map<number, string[]>();
  const flags = new Uint8Array(65536);
  for (const suffix of suffixes) {
    const hash = nameHash(suffix.slice(suffix.lastIndexOf("/") + 1));
    flags[hash & 0xffff] = 1;
    const same = byHash.get(hash);
    if (same) same.push(suffix);
    else byHash.set(hash, [suffix]);
  }
  const selected: string[] = [];
  for (let i = 0; i < nameHashes.length; i++) {
    const hash = nameHashes[i] as number;
    if (flags[hash & 0xffff] === 0) continue;
    const candidates = byHash.get(hash);
    if (!candidates) continue;
    const path = paths[i] as string;
    if (endsWithAnyOf(path, candidates)) selected.push(path);
  }
  return selected;
}

/**
 * `suffixes.some((suffix) => endsWithSegments(path, suffix))` without the closure: a closure over
 * `path` made V8 allocate the loop body's scope on every iteration, candidate or not (5 MB of
 * garbage per 100,000 paths, and the scavenges it costs).
 */
function endsWithAnyOf(path: string, suffixes: readonly string[]): boolean {
  for (const suffix of suffixes) if (endsWithSegments(path, suffix)) return true;
  return false;
}

/** `path` is `suffix`, or ends in `/` and `suffix`. */
function endsWithSegments(path: string, suffix: string): boolean {
  if (!path.endsWith(suffix)) return false;
  const start = path.length - suffix.length;
  return start === 0 || path.charCodeAt(start - 1) === SLASH;
}

/** `path`'s last segment is `name`, compared in place (no slice to allocate and hash). */
export function hasName(path: string, name: string): boolean {
  if (!path.endsWith(name)) return false;
  const start = path.length - name.length;
  return start === 0 || path.charCodeAt(start - 1) === SLASH;
}

const SLASH = 47;

function dirnameOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function groupByDirectory(paths: readonly string[]): Map<string, string[]> {
  const directories = new Map<string, string[]>();
  // Trees come sorted from git (both sources list them so), so a path usually shares the
  // previous path's directory: checking that first avoids slicing and hashing a directory string.
  let previousDir: string | null = null;
  let previousList: string[] = [];
  for (const path of paths) {
    if (previousDir !== null && isDirectlyIn(path, previousDir)) {
      previousList.push(path);
      continue;
    }
    const dir = dirnameOf(path);
    let list = directories.get(dir);
    if (list) list.push(path);
    else {
      list = [path];
      directories.set(dir, list);
    }
    previousDir = dir;
    previousList = list;
  }
  return directories;
}

function isDirectlyIn(path: string, dir: string): boolean {
  if (dir === "") return !path.includes("/");
  return (
    path.length > dir.length + 1 &&
    path.charCodeAt(dir.length) === SLASH &&
    path.startsWith(dir) &&
    path.indexOf("/", dir.length + 1) < 0
  );
}
