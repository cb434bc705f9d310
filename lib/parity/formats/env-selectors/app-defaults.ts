import { globMatcher } from "../../glob";
import type { ExtractContext } from "../../types";
import { pathIndex } from "../shared/path-index";
import { isSelectorKey } from "./selectors";

/**
 * The application's own default for a selector variable, read from its env schema or config code:
 * what runs where nothing sets the variable. Read as text, one statement at a time, in the files
 * where applications conventionally declare their environment (`env.ts`, `config.ts`,
 * `config/index.js`, `config.go`, `settings.go`):
 *
 * - `environment.FILE_STORAGE ?? "s3"`, `env.STORAGE_DRIVER || 'local'` on Node's process environment
 *   (also wrapped in a converter call: `this.toOptionalString(environment.FILE_STORAGE) ?? "s3"`);
 * - schema entries: zod/joi/yup `FILE_STORAGE: z.enum([...]).default("s3")`, envalid
 *   `FILE_STORAGE: str({ choices: [...], default: "s3" })`, convict `{ env: "FILE_STORAGE", default: "s3" }`;
 * - class-validator env classes: a decorated field with an initialiser (`@IsIn([...]) FILE_STORAGE = "s3"`);
 * - Go struct tags: `env:"FILE_STORAGE" envDefault:"s3"`, `envconfig:"FILE_STORAGE" default:"s3"`,
 *   `env:"FILE_STORAGE, default=s3"`, `env-default:"s3"`;
 * - helper calls with a fallback argument: `getEnv("FILE_STORAGE", "s3")`, `env("X", default="y")`.
 *
 * A key with two different defaults (two apps of a monorepo) has none.
 */

export const CODE_GLOBS = [
  "**/{env,env.server,config,configuration,settings,environment}.{ts,js,mjs,cjs}",
  "**/{env,config}/{index,env,environment,default,defaults}.{ts,js,mjs,cjs}",
  "**/{config,env,settings}.go",
  "**/config/config.go",
];

export interface CodeDefault {
  key: string;
  value: string;
  file: string;
  line: number;
}

const isCode = globMatcher(CODE_GLOBS);

const SCRIPT_EXTENSIONS = ["ts", "js", "mjs", "cjs"];
const named = (bases: readonly string[], extensions: readonly string[]) =>
  bases.flatMap((base) => extensions.map((extension) => `${base}.${extension}`));
/**
 * What CODE_GLOBS' paths end in, folder included where a glob names one: the path index finds
 * them by their file names' hashes, so a monorepo's 100,000 paths are not each read and tested
 * (a regex over each cost more than parsing every YAML file of the audit). The globs still decide.
 */
const CODE_SUFFIXES = [
  ...named(["env", "env.server", "config", "configuration", "settings", "environment"], SCRIPT_EXTENSIONS),
  ...["env/", "config/"].flatMap((folder) =>
    named(["index", "env", "environment", "default", "defaults"], SCRIPT_EXTENSIONS).map((name) => folder + name),
  ),
  ...named(["config", "env", "settings"], ["go"]),
];
/** Tests and fixtures set what they need; their values are no default. */
const NOT_APP =
  /(^|\/)(node_modules|vendor|__tests__|__mocks__|tests?|fixtures?|examples?)\/|[._](test|spec)\.|_test\.go$/;

const QUOTED = String.raw`(["'\x60])([\w.-]+)\1`;

function escapeKey(key: string): string {
  return key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The default `lines[index]` (and the statement it starts) gives `key`, or null. */
function defaultAt(key: string, lines: readonly string[], index: number): string | null {
  const text = lines[index] ?? "";
  const k = escapeKey(key);
  // `environment.KEY) ?? "s3"`, `env.KEY || 'local'` (on the process environment), `env["KEY"] ?? "s3"`
  if (/env/i.test(text)) {
    const fallback = new RegExp(String.raw`\b${k}\b["'\]]*\)*\s*(?:\?\?|\|\|)\s*${QUOTED}`).exec(text);
    if (fallback?.[2]) return fallback[2];
  }
  // `getEnv("KEY", "s3")`, `os.getenv("KEY", "s3")`, `env("KEY", default="s3")`
  const call = new RegExp(
    String.raw`\b\w*(?:env|Env|ENV|environ\.get)\w*\s*\(\s*["'\x60]${k}["'\x60]\s*,\s*(?:default\s*=\s*)?${QUOTED}`,
  ).exec(text);
  if (call?.[2]) return call[2];
  // Go struct tags on one field.
  const tag = /`([^`]*)`/.exec(text)?.[1];
  if (tag && new RegExp(String.raw`:"${k}(?:[",\s])`).test(tag)) {
    const value =
      /(?:envDefault|env-default|default):"([\w.-]+)"/.exec(tag)?.[1] ?? /,\s*default=([\w.-]+)/.exec(tag)?.[1];
    if (value) return value;
  }
  // Schema entries: `KEY: z.enum([...]).default("s3")`, `KEY: str({ default: "s3" })`, over the
  // lines of the entry (up to the next key).
  if (new RegExp(String.raw`^\s*["']?${k}["']?\s*:`).test(text)) {
    const entry = [text];
    for (let next = index + 1; next < Math.min(lines.length, index + 6); next += 1) {
      const line = lines[next] ?? "";
      if (/^\s*["']?[A-Za-z_][A-Za-z0-9_]*["']?\s*:/.test(line)) break;
      entry.push(line);
    }
    const joined = entry.join(" ");
    const value =
      new RegExp(String.raw`\.default\(\s*${QUOTED}\s*\)`).exec(joined)?.[2] ??
      new RegExp(String.raw`\bdefault:\s*${QUOTED}`).exec(joined)?.[2];
    if (value) return value;
  }
  // convict: `{ doc: ..., format: [...], default: "s3", env: "KEY" }` across the object's lines.
  if (new RegExp(String.raw`\benv:\s*["'\x60]${k}["'\x60]`).test(text)) {
    let start = index;
    while (start > 0 && index - start < 8 && !(lines[start] ?? "").includes("{")) start -= 1;
    let end = index;
    while (end < lines.length - 1 && end - index < 8 && !(lines[end] ?? "").includes("}")) end += 1;
    const value = new RegExp(String.raw`\bdefault:\s*${QUOTED}`).exec(lines.slice(start, end + 1).join(" "))?.[2];
    if (value) return value;
  }
  // class-validator: a decorated field with an initialiser.
  const field = new RegExp(
    String.raw`^\s*(?:(?:public|readonly)\s+)*${k}[!?]?\s*(?::\s*[^=]+)?=\s*${QUOTED}\s*;?\s*$`,
  ).exec(text);
  if (field?.[2]) {
    for (let back = index - 1; back >= Math.max(0, index - 3); back -= 1) {
      if (/^\s*@\w+/.test(lines[back] ?? "")) return field[2];
    }
  }
  return null;
}

/** Every selector default in one code file. */
export function readCodeDefaults(file: string, content: string): CodeDefault[] {
  const defaults: CodeDefault[] = [];
  const lines = content.split("\n");
  lines.forEach((text, index) => {
    if (/^\s*(\/\/|#|\*|\/\*)/.test(text)) return;
    const keys = new Set(text.match(/\b[A-Z][A-Z0-9_]{2,}\b/g) ?? []);
    for (const key of keys) {
      if (!isSelectorKey(key)) continue;
      const value = defaultAt(key, lines, index);
      if (value) defaults.push({ key, value, file, line: index + 1 });
    }
  });
  return defaults;
}

const cache = new WeakMap<readonly string[], Map<string, CodeDefault[]>>();

/** Selector defaults of the application code under `dir` (`""`: the whole repository), by key. */
export function codeDefaults(ctx: ExtractContext, dir: string): Map<string, CodeDefault> {
  let all = cache.get(ctx.paths);
  if (!all) {
    all = new Map();
    // Read first, tested after: a monorepo has thousands of `config.ts` and the snapshot holds few
    // of them, so the glob and NOT_APP regexes run on the files there are rather than on every path.
    for (const file of pathIndex(ctx.paths).selectEndingIn("env-selectors:code", CODE_SUFFIXES)) {
      const content = ctx.readFile(file);
      if (!content || !isCode(file) || NOT_APP.test(file)) continue;
      for (const found of readCodeDefaults(file, content)) all.set(found.key, [...(all.get(found.key) ?? []), found]);
    }
    cache.set(ctx.paths, all);
  }
  const result = new Map<string, CodeDefault>();
  for (const [key, found] of all) {
    const mine = found.filter((entry) => entry.file.startsWith(dir));
    const values = new Set(mine.map((entry) => entry.value.toLowerCase()));
    if (mine[0] && values.size === 1) result.set(key, mine[0]);
  }
  return result;
}
