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

/** The formats whose `patterns` match `path` (the ones that extract it). */
export function formatsFor(path: string, formats: readonly Format[] = FORMATS): Format[] {
  const name = fileName(path);
  return formats.filter((format) => matches(compiledFormat(format).patterns, path, name));
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
