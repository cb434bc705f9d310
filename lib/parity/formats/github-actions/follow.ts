import type { ExtractContext } from "../../types";
import { joinPath } from "../shared/paths";
import { programWords, scriptCommands } from "./shell";
import { isTestName } from "./tests";

/**
 * What a `run:` command runs, followed into the repository: package-manager scripts
 * (`npm run X`, `yarn X`, `pnpm X`, `bun run X`, read from the package.json of the working
 * directory, with their `pre` script), make targets (the target's prerequisites and recipe, with
 * the Makefile's simple variables) and repository shell scripts (`./scripts/ci.sh`, `bash
 * bin/setup`). Each command reached is handed to `visit` with its working directory and the chain
 * that led to it; a few levels deep at most, each file and target once.
 */

export interface Reached {
  words: string[];
  cwd: string;
  /** How the command was reached from the step (`npm run ci > package.json`), empty at the step. */
  trail: string[];
  /** The command names a test script or target (`npm test`, `make e2e`), whether or not it was read. */
  testName: string | null;
}

const MAX_DEPTH = 3;

/** Files `follow` may read, for the format's `reads` (package.json is read for versions already). */
export const FOLLOWED_GLOBS = [
  "**/Makefile",
  "**/makefile",
  "**/GNUmakefile",
  // Named by extension only: a glob without a file-name part would test every path of a monorepo.
  "**/*.sh",
  "**/*.bash",
  // Local composite actions (`uses: ./.github/actions/x`).
  "**/action.{yml,yaml}",
] as const;

/** Package-manager commands that are not scripts. */
const PM_BUILTINS = new Set([
  "install",
  "i",
  "ci",
  "add",
  "remove",
  "rm",
  "uninstall",
  "update",
  "up",
  "upgrade",
  "audit",
  "cache",
  "config",
  "exec",
  "dlx",
  "create",
  "init",
  "link",
  "unlink",
  "pack",
  "publish",
  "version",
  "why",
  "list",
  "ls",
  "outdated",
  "prune",
  "rebuild",
  "set",
  "workspaces",
  "global",
  "import",
  "info",
  "login",
  "logout",
  "patch",
  "fetch",
  "store",
  "env",
  "setup",
  "dedupe",
  "bin",
  "root",
  "help",
  "node",
]);

/** Options of package managers that take a value (skipped when finding the script name). */
const PM_VALUE_OPTIONS = new Set(["--prefix", "-C", "--dir", "--cwd", "-w", "--workspace", "--filter", "-F"]);

/** `npm run X`, `yarn X`, `pnpm --filter a X` -> the script, the directory to read, and whether it is a workspace. */
export function packageScript(
  words: readonly string[],
): { script: string; dir: string | null; workspace: boolean } | null {
  const w = programWords(words);
  const pm = w[0];
  if (pm !== "npm" && pm !== "yarn" && pm !== "pnpm" && pm !== "bun") return null;
  let dir: string | null = null;
  let workspace = false;
  const rest: string[] = [];
  for (let i = 1; i < w.length; i++) {
    const word = w[i] as string;
    if (word === "--") break;
    const [flag, inline] = word.includes("=")
      ? [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)]
      : [word, undefined];
    if (PM_VALUE_OPTIONS.has(flag)) {
      const value = inline ?? w[++i];
      if (flag === "--prefix" || flag === "-C" || flag === "--dir" || flag === "--cwd") dir = value ?? null;
      else workspace = true;
      continue;
    }
    if (word.startsWith("-")) continue;
    rest.push(word);
    if (rest.length === 2) break;
  }
  const [first, second] = rest;
  if (first === "workspace" && pm === "yarn") return null;
  if (first === "run" || first === "run-script") return second ? { script: second, dir, workspace } : null;
  if (pm === "bun") return null;
  if (pm === "npm") {
    const script = first === "t" || first === "tst" ? "test" : first;
    return script && ["test", "start", "stop", "restart"].includes(script) ? { script, dir, workspace } : null;
  }
  if (!first || PM_BUILTINS.has(first)) return null;
  return { script: first, dir, workspace };
}

/** `make X`, `make -C dir X`, `$(MAKE) -f file X` -> targets and the Makefile to read. */
export function makeTargets(
  words: readonly string[],
): { targets: string[]; dir: string | null; file: string | null } | null {
  const w = programWords(words);
  if (w[0] !== "make" && w[0] !== "gmake") return null;
  let dir: string | null = null;
  let file: string | null = null;
  const targets: string[] = [];
  for (let i = 1; i < w.length; i++) {
    const word = w[i] as string;
    if (word === "-C" || word === "--directory") dir = w[++i] ?? null;
    else if (word.startsWith("--directory=")) dir = word.slice("--directory=".length);
    else if (word === "-f" || word === "--file" || word === "--makefile") file = w[++i] ?? null;
    else if (word.startsWith("-") || word.includes("=")) continue;
    else targets.push(word);
  }
  return { targets, dir, file };
}

interface Makefile {
  vars: Map<string, string>;
  rules: Map<string, { prerequisites: string[]; recipe: string[] }>;
}

/** Simple variables, and rules with their prerequisites and tab-indented recipes. */
export function parseMakefile(content: string): Makefile {
  const vars = new Map<string, string>();
  const rules: Makefile["rules"] = new Map();
  let current: { prerequisites: string[]; recipe: string[] }[] = [];
  const lines = content.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    while (line.endsWith("\\") && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i]}`;
    if (line.startsWith("\t")) {
      for (const rule of current) rule.recipe.push(line.slice(1));
      continue;
    }
    const text = line.replace(/(^|\s)#.*$/, "");
    if (!text.trim()) continue;
    const assignment = /^\s*(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(?::{1,3}|\?|\+|!)?=\s*(.*)$/.exec(text);
    if (assignment) {
      const [, name, value] = assignment as unknown as [string, string, string];
      if (!vars.has(name) || !/\?=/.test(text)) vars.set(name, value.trim());
      current = [];
      continue;
    }
    const rule = /^([^:=\t][^:=]*?)\s*::?\s*([^=]*)$/.exec(text);
    if (rule) {
      const targets = (rule[1] as string).split(/\s+/).filter(Boolean);
      const [prereqText, inlineRecipe] = (rule[2] as string).split(";");
      const prerequisites = (prereqText ?? "").split("|").join(" ").split(/\s+/).filter(Boolean);
      current = targets.map((target) => {
        const entry = { prerequisites, recipe: inlineRecipe ? [inlineRecipe] : [] };
        if (!rules.has(target)) rules.set(target, entry);
        return entry;
      });
      continue;
    }
    current = [];
  }
  return { vars, rules };
}

/** `$(VAR)` and `${VAR}` from the Makefile's variables, `$(MAKE)` as `make`, `$$` as `$`. */
function expandMake(text: string, vars: Map<string, string>, depth = 0): string {
  return text
    .replace(/\$[({]([A-Za-z_][\w.-]*)[)}]/g, (whole, name: string) => {
      if (name === "MAKE") return "make";
      if (name === "CURDIR") return ".";
      const value = vars.get(name);
      if (value === undefined) return whole;
      return depth < 3 ? expandMake(value, vars, depth + 1) : value;
    })
    .replace(/\$\$/g, "$");
}

const MAKEFILES = ["Makefile", "makefile", "GNUmakefile"];

function inDir(dir: string, name: string): string {
  return joinPath(dir, name) ?? name;
}

/** The repository script a command runs (`./scripts/ci.sh`, `bash scripts/x.sh`), as a path. */
function scriptPath(words: readonly string[], cwd: string): string | null {
  const w = programWords(words);
  let target = w[0];
  if (target === "bash" || target === "sh" || target === "zsh" || target === "source" || target === ".") {
    target = w.slice(1).find((word) => !word.startsWith("-"));
  } else if (!target?.includes("/")) return null;
  if (!target || target.includes("$") || target.startsWith("/")) return null;
  return joinPath(cwd, target);
}

/** A shell script (by shebang or `.sh`), not a Ruby or Python program under `bin/`. */
function isShellScript(path: string, content: string): boolean {
  if (content.startsWith("#!")) return /\b(ba|z|da|k)?sh\b/.test(content.slice(0, content.indexOf("\n") >>> 0));
  return path.endsWith(".sh");
}

/**
 * Calls `visit` for the command and for every command it runs through scripts, targets and
 * package scripts. Shell assignments (`IMAGE=x`, `export IMAGE=x`) in a followed script are
 * kept in `vars` for the commands after them.
 */
export function follow(
  words: readonly string[],
  cwd: string,
  ctx: ExtractContext,
  visit: (reached: Reached) => void,
  trail: string[] = [],
  seen: Set<string> = new Set(),
): void {
  const script = packageScript(words);
  const make = script ? null : makeTargets(words);
  const testName = script
    ? isTestName(script.script)
      ? `${programWords(words)[0]} ${script.script}`
      : null
    : make?.targets.some(isTestName)
      ? `make ${make.targets.join(" ")}`
      : null;
  visit({ words: [...words], cwd, trail, testName });
  if (trail.length >= MAX_DEPTH) return;
  if (script && !script.workspace) {
    const dir = script.dir ? (joinPath(cwd, script.dir) ?? cwd) : cwd;
    const path = inDir(dir, "package.json");
    const scripts = packageScripts(ctx.readFile(path));
    for (const name of [`pre${script.script}`, script.script]) {
      const body = scripts?.[name];
      const key = `${path}#${name}`;
      if (typeof body !== "string" || seen.has(key)) continue;
      seen.add(key);
      followScript(body, dir, ctx, visit, [...trail, `${path} scripts.${name}`], seen);
    }
    return;
  }
  if (make) {
    const dir = make.dir ? (joinPath(cwd, make.dir) ?? cwd) : cwd;
    const path = make.file
      ? joinPath(dir, make.file)
      : MAKEFILES.map((name) => inDir(dir, name)).find((p) => ctx.readFile(p) !== undefined);
    const content = path ? ctx.readFile(path) : undefined;
    if (!path || content === undefined) return;
    const makefile = parseMakefile(content);
    const walk = (target: string, depth: number) => {
      const key = `${path}#${target}`;
      const rule = makefile.rules.get(target);
      if (!rule || seen.has(key) || depth > 4) return;
      seen.add(key);
      for (const prerequisite of rule.prerequisites) walk(prerequisite, depth + 1);
      const recipe = rule.recipe.map((line) => expandMake(line.replace(/^\s*[@+-]+/, ""), makefile.vars)).join("\n");
      followScript(recipe, dir, ctx, visit, [...trail, `${path} ${target}`], seen);
    };
    for (const target of make.targets) walk(target, 0);
    return;
  }
  const path = scriptPath(words, cwd);
  if (!path || seen.has(path)) return;
  const content = ctx.readFile(path);
  if (content === undefined || !isShellScript(path, content)) return;
  seen.add(path);
  followScript(content, cwd, ctx, visit, [...trail, path], seen);
}

/** Follows each command of a script body, tracking `cd` like a shell does. */
function followScript(
  body: string,
  cwd: string,
  ctx: ExtractContext,
  visit: (reached: Reached) => void,
  trail: string[],
  seen: Set<string>,
): void {
  let dir = cwd;
  for (const command of scriptCommands(body)) {
    const words = command.words;
    if (words[0] === "cd" && words[1] && !words[1].includes("$")) {
      dir = joinPath(dir, words[1]) ?? dir;
      continue;
    }
    follow(words, dir, ctx, visit, trail, seen);
  }
}

function packageScripts(content: string | undefined): Record<string, unknown> | null {
  if (content === undefined || !content.includes('"scripts"')) return null;
  try {
    const json: unknown = JSON.parse(content);
    const scripts = (json as { scripts?: unknown } | null)?.scripts;
    return typeof scripts === "object" && scripts !== null ? (scripts as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
