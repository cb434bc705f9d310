/**
 * Fast questions about a snapshot's paths. A monorepo has 100,000 paths and formats ask about
 * siblings once per file they read, so a linear scan per question costs seconds; the index is
 * built once per `paths` array (memoized on the array itself) and answers in O(1) or O(siblings).
 */
export interface PathIndex {
  has(path: string): boolean;
  /** Paths directly inside `dir` (`""` is the repository root), in snapshot order. */
  inDirectory(dir: string): readonly string[];
  /** Paths for which `predicate` holds, computed once per `key` for this snapshot. */
  select(key: string, predicate: (path: string) => boolean): readonly string[];
}

const indexes = new WeakMap<readonly string[], PathIndex>();

export function pathIndex(paths: readonly string[]): PathIndex {
  const cached = indexes.get(paths);
  if (cached) return cached;
  let set: Set<string> | undefined;
  let directories: Map<string, string[]> | undefined;
  const selections = new Map<string, readonly string[]>();
  const index: PathIndex = {
    has(path) {
      set ??= new Set(paths);
      return set.has(path);
    },
    inDirectory(dir) {
      directories ??= groupByDirectory(paths);
      return directories.get(dir) ?? [];
    },
    select(key, predicate) {
      let selected = selections.get(key);
      if (!selected) {
        selected = paths.filter(predicate);
        selections.set(key, selected);
      }
      return selected;
    },
  };
  indexes.set(paths, index);
  return index;
}

function groupByDirectory(paths: readonly string[]): Map<string, string[]> {
  const directories = new Map<string, string[]>();
  for (const path of paths) {
    const slash = path.lastIndexOf("/");
    const dir = slash < 0 ? "" : path.slice(0, slash);
    const list = directories.get(dir);
    if (list) list.push(path);
    else directories.set(dir, [path]);
  }
  return directories;
}
