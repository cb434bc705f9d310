import picomatch from "picomatch";
import { CONFIG_PATHS } from "../config/paths";
import type { Format } from "../types";
import { FORMATS } from "./index";

type Matcher = (path: string) => boolean;

// Compiling a glob is costly next to matching; formats are module constants, so cache per object.
const patternMatchers = new WeakMap<Format, Matcher>();
const readMatchers = new WeakMap<Format, Matcher>();

function compile(globs: readonly string[]): Matcher {
  if (globs.length === 0) return () => false;
  return picomatch([...globs], { dot: true });
}

function patternMatcher(format: Format): Matcher {
  let matcher = patternMatchers.get(format);
  if (!matcher) {
    matcher = compile(format.patterns);
    patternMatchers.set(format, matcher);
  }
  return matcher;
}

function readMatcher(format: Format): Matcher {
  let matcher = readMatchers.get(format);
  if (!matcher) {
    matcher = compile(format.reads ?? []);
    readMatchers.set(format, matcher);
  }
  return matcher;
}

/** The formats whose `patterns` match `path` (the ones that extract it). */
export function formatsFor(path: string, formats: readonly Format[] = FORMATS): Format[] {
  return formats.filter((format) => patternMatcher(format)(path));
}

/**
 * The paths a source must fetch: every path some format extracts (`patterns`) or reads through
 * `ctx.readFile` (`reads`), plus the repository's own `.parity.yml`. Keeps the input order.
 */
export function claimedPaths(paths: readonly string[], formats: readonly Format[] = FORMATS): string[] {
  const config = new Set<string>(CONFIG_PATHS);
  return paths.filter(
    (path) => config.has(path) || formats.some((format) => patternMatcher(format)(path) || readMatcher(format)(path)),
  );
}
