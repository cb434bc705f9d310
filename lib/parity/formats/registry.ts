import { CONFIG_PATHS } from "../config/paths";
import { globMatcher, type PathMatcher as Matcher } from "../glob";
import type { Format } from "../types";
import { FORMATS } from "./index";

interface CompiledGlobs {
  /** Cheap first test on the file name alone: most paths of a monorepo fail here. */
  name: Matcher;
  full: Matcher;
}

interface CompiledFormat {
  patterns: CompiledGlobs;
  reads: CompiledGlobs;
}

// Compiling a glob is costly next to matching; formats are module constants, so cache per object.
const compiled = new WeakMap<Format, CompiledFormat>();

const NEVER: CompiledGlobs = { name: () => false, full: () => false };

/** The last segment of a glob (`**\/config/*.rb` -> `*.rb`), or null when it spans directories. */
function nameGlob(glob: string): string | null {
  const last = glob.slice(glob.lastIndexOf("/") + 1);
  return last.includes("**") ? null : last;
}

function compileGlobs(globs: readonly string[]): CompiledGlobs {
  if (globs.length === 0) return NEVER;
  const full = globMatcher(globs);
  const names = globs.map(nameGlob);
  if (names.some((name) => name === null)) return { name: () => true, full };
  return { name: globMatcher(names as string[]), full };
}

function compiledFormat(format: Format): CompiledFormat {
  let entry = compiled.get(format);
  if (!entry) {
    entry = { patterns: compileGlobs(format.patterns), reads: compileGlobs(format.reads ?? []) };
    compiled.set(format, entry);
  }
  return entry;
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function matches(globs: CompiledGlobs, path: string, name: string): boolean {
  return globs.name(name) && globs.full(path);
}

/**
 * Formats whose `patterns` can match a file of this name, per formats list. A monorepo repeats a
 * few names (`values.yaml`, `Dockerfile`) hundreds of times, so the name test (one regex per
 * format) runs once per name; bounded like the other engine caches.
 */
const candidatesByName = new WeakMap<readonly Format[], { length: number; byName: Map<string, Format[]> }>();
const NAME_CACHE_LIMIT = 4096;

function candidatesFor(name: string, formats: readonly Format[]): Format[] {
  let cache = candidatesByName.get(formats);
  // The length check keeps a caller that grows its list between calls from reading stale answers.
  if (!cache || cache.length !== formats.length) {
    cache = { length: formats.length, byName: new Map() };
    candidatesByName.set(formats, cache);
  }
  const { byName } = cache;
  let candidates = byName.get(name);
  if (!candidates) {
    candidates = formats.filter((format) => compiledFormat(format).patterns.name(name));
    if (byName.size >= NAME_CACHE_LIMIT) byName.clear();
    byName.set(name, candidates);
  }
  return candidates;
}

/** The formats whose `patterns` match `path` (the ones that extract it). */
export function formatsFor(path: string, formats: readonly Format[] = FORMATS): Format[] {
  return candidatesFor(fileName(path), formats).filter((format) => compiledFormat(format).patterns.full(path));
}

/**
 * The paths a source must fetch: every path some format extracts (`patterns`) or reads through
 * `ctx.readFile` (`reads`), plus the repository's own `.parity.yml`. Keeps the input order.
 */
export function claimedPaths(paths: readonly string[], formats: readonly Format[] = FORMATS): string[] {
  const config = new Set<string>(CONFIG_PATHS);
  const entries = formats.map(compiledFormat);
  return paths.filter((path) => {
    if (config.has(path)) return true;
    const name = fileName(path);
    return entries.some((entry) => matches(entry.patterns, path, name) || matches(entry.reads, path, name));
  });
}
