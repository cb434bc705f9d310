import picomatch from "picomatch";

/*
 * Glob matching on the engine's hot paths. A picomatch matcher function allocates a result object
 * per call and an array matcher calls one matcher per glob; here the globs compile once into one
 * RegExp (the same regexes picomatch builds, joined), so a test is a single `RegExp#test`.
 */

export type PathMatcher = (path: string) => boolean;

const NEVER: PathMatcher = () => false;

/** A matcher for any of `globs` (picomatch syntax, `dot: true`, as formats and `.parity.yml` use). */
export function globMatcher(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return NEVER;
  const sources = globs.map((glob) => `(?:${picomatch.makeRe(glob, { dot: true }).source})`);
  const regex = new RegExp(sources.join("|"));
  return (path) => regex.test(path);
}

// Config globs arrive once per audit and are checked per file: compile once per array. The
// joined text is kept too because config arrays are mutable (defaultConfig's callers push).
const compiledLists = new WeakMap<readonly string[], { text: string; matcher: PathMatcher }>();

/** `globMatcher`, compiled once per globs array (for `.parity.yml` lists checked per file). */
export function cachedGlobMatcher(globs: readonly string[]): PathMatcher {
  const text = globs.join("\n");
  const cached = compiledLists.get(globs);
  if (cached?.text === text) return cached.matcher;
  const matcher = globMatcher(globs);
  compiledLists.set(globs, { text, matcher });
  return matcher;
}
