import type { Environment, ExtractContext } from "../../types";
import { pathIndex } from "../shared/path-index";
import { dirname, joinComposePath } from "../shared/paths";
import { wordEnvironment } from "./words";

/**
 * Who runs a compose file: the package scripts, make and just targets, README/CONTRIBUTING
 * commands, dev containers and CI workflows of the repository that start it. Each gives the
 * environment its context names (`npm run db:up` a developer, `make test` the tests, a
 * "Self-hosting" README section production, a workflow CI).
 */

export interface Runner {
  /** The file that runs it and the line of the command. */
  file: string;
  line: number;
  /** How it is run, for the explanation (`npm run docker:up`, `make start`, `devcontainer`). */
  how: string;
  /** Null when the context does not say (a README's "Installation" section): someone runs it. */
  environment: Environment | null;
  /** Every file the command passes (`-f a.yml -f b.yml`), in order: later ones override earlier ones. */
  files: string[];
}

/** Compose's own default file names, by its precedence. */
export const DEFAULT_COMPOSE = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

/** Files read for runners: the repository's own scripts and contributor docs (compose `reads`). */
export const RUNNER_GLOBS = [
  "package.json",
  "**/package.json",
  "Makefile",
  "**/Makefile",
  "justfile",
  "Justfile",
  "**/README.md",
  "**/readme.md",
  "**/Readme.md",
  "CONTRIBUTING.md",
  "contributing.md",
  "DEVELOPMENT.md",
  "development.md",
  "docs/**/*.md",
  "doc/**/*.md",
];

const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$|^\.gitlab-ci\.yml$/;
const DEVCONTAINER = /(^|\/)\.?devcontainer(\.json|\/([^/]+\/)?devcontainer\.json)$/;
const MARKDOWN_NAMES = /^(readme|contributing|development|developing|hacking)\.md$/i;
const MAX_RUNNER_FILES = 400;
const MARKDOWN_COMMAND =
  /^\s*(?:[$>]\s*)?(?:sudo\s+)?(?:cd\s+\S+\s*&&\s*)?(?:docker[ \t]+compose|docker-compose|podman-compose)\s|`(?:cd\s+\S+\s*&&\s*)?(?:docker[ \t]+compose|docker-compose)\s[^`]*`/;

const cache = new WeakMap<readonly string[], Map<string, Runner[]>>();

function isYaml(path: string): boolean {
  return path.endsWith(".yml") || path.endsWith(".yaml");
}

/** A file that may run compose: a package.json, Makefile, justfile, CI workflow, devcontainer or doc. */
function isRunnerSource(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return (
    (name === "package.json" ||
      name === "Makefile" ||
      name === "justfile" ||
      name === "Justfile" ||
      WORKFLOW.test(path) ||
      DEVCONTAINER.test(path) ||
      (name.endsWith(".md") && (MARKDOWN_NAMES.test(name) || /^docs?\//.test(path)))) &&
    !path.includes("node_modules/")
  );
}

/** Runners of each compose file of the snapshot, by path; built once per snapshot. */
export function runnersOf(path: string, ctx: ExtractContext): Runner[] {
  let index = cache.get(ctx.paths);
  if (!index) {
    index = buildIndex(ctx);
    cache.set(ctx.paths, index);
  }
  return index.get(path) ?? [];
}

function buildIndex(ctx: ExtractContext): Map<string, Runner[]> {
  const index = new Map<string, Runner[]>();
  // A monorepo has 100,000 paths: the path index tests only those ending in a letter a YAML file
  // or a runner file ends with (`l`, `n` for `.json`, `e` for `Makefile`, `d` for `.md`).
  const paths = pathIndex(ctx.paths);
  const known = new Set(paths.select("compose:yaml", isYaml, "l"));
  const sources = paths.selectInOrder("compose:runner-sources", isRunnerSource, "lned").slice(0, MAX_RUNNER_FILES);
  const add = (runner: Runner) => {
    for (const file of new Set(runner.files)) {
      if (!known.has(file)) continue;
      const list = index.get(file);
      if (list) list.push(runner);
      else index.set(file, [runner]);
    }
  };
  for (const source of sources) {
    const content = ctx.readFile(source);
    if (content === undefined || !/compose/i.test(content)) continue;
    const name = source.slice(source.lastIndexOf("/") + 1);
    if (name === "package.json") packageRunners(source, content, known, add);
    else if (DEVCONTAINER.test(source)) devcontainerRunners(source, content, add);
    // Workflows run at the repository root; docs under docs/ show commands run from there too.
    else if (WORKFLOW.test(source)) lineRunners(source, "", content, known, () => ["ci", "CI"], add);
    else if (name.endsWith(".md")) {
      const cwd = /^docs?\//.test(source) ? "" : dirname(source);
      lineRunners(source, cwd, content, known, markdownContext(source, content), add, true);
    } else lineRunners(source, dirname(source), expandMakeVariables(content), known, makeContext(content), add);
  }
  return index;
}

/** `docker compose -f a.yml -f b.yml up` / `docker-compose up`: the files, or null when not compose. */
export function composeFiles(command: string, cwd: string, known: ReadonlySet<string>): string[] | null {
  const match = /(?:^|[\s;&|(`"'])(?:docker[ \t]+compose|docker-compose|podman-compose)(?=\s|$)([^\n;&|`"']*)/.exec(
    command,
  );
  if (!match) return null;
  let dir = cwd;
  const before = command.slice(0, match.index);
  const cd = /(?:^|[;&|]\s*|\s)cd\s+([^\s;&|]+)\s*&&\s*$/.exec(before);
  if (cd?.[1] && !cd[1].includes("$")) dir = joinComposePath(dir, cd[1]) ?? dir;
  const words = (match[1] ?? "").trim().split(/\s+/);
  const files: string[] = [];
  let named = false;
  for (let at = 0; at < words.length; at++) {
    const word = words[at] ?? "";
    let value: string | undefined;
    if (word === "-f" || word === "--file") value = words[++at];
    else if (word.startsWith("--file=")) value = word.slice(7);
    else if (word === "--project-directory") {
      const next = words[++at];
      if (next && !next.includes("$")) dir = joinComposePath(dir, next) ?? dir;
      continue;
    }
    if (value === undefined) continue;
    named = true;
    const resolved = value.includes("$") ? null : joinComposePath(dir, value.replace(/^["']|["']$/g, ""));
    if (resolved) files.push(resolved);
  }
  // Files left to a variable are not known; they are not the default file either.
  if (files.length > 0 || named) return files;
  const fallback = DEFAULT_COMPOSE.map((name) => joinComposePath(dir, name)).find((path) => path && known.has(path));
  return fallback ? [fallback] : [];
}

function packageRunners(source: string, content: string, known: ReadonlySet<string>, add: (r: Runner) => void) {
  let scripts: unknown;
  try {
    scripts = (JSON.parse(content) as { scripts?: unknown }).scripts;
  } catch {
    return;
  }
  if (typeof scripts !== "object" || scripts === null) return;
  const lines = content.split("\n");
  for (const [name, command] of Object.entries(scripts as Record<string, unknown>)) {
    if (typeof command !== "string") continue;
    const files = composeFiles(command, dirname(source), known);
    if (!files || files.length === 0) continue;
    const line = lines.findIndex((text) => text.includes(`"${name}"`)) + 1 || 1;
    add({ file: source, line, how: `npm run ${name}`, environment: scriptEnvironment(name, "dev"), files });
  }
}

/** A script or target's environment by its name: `test:e2e` test, `deploy` prod, others the default. */
function scriptEnvironment(name: string, fallback: Environment): Environment {
  const named = wordEnvironment(name)?.[0];
  return named === "test" || named === "prod" || named === "ci" ? named : fallback;
}

function devcontainerRunners(source: string, content: string, add: (r: Runner) => void) {
  const match = /"dockerComposeFile"\s*:\s*(\[[^\]]*\]|"[^"]*")/.exec(content);
  if (!match?.[1]) return;
  const line = content.slice(0, match.index).split("\n").length;
  const files = [...match[1].matchAll(/"([^"]+)"/g)].flatMap(
    (entry) => joinComposePath(dirname(source), entry[1] ?? "") ?? [],
  );
  add({ file: source, line, how: "the dev container", environment: "dev", files });
}

type Context = (lineIndex: number) => [Environment, string] | null;

function lineRunners(
  source: string,
  cwd: string,
  content: string,
  known: ReadonlySet<string>,
  context: Context,
  add: (r: Runner) => void,
  markdown = false,
) {
  const lines = content.split("\n");
  lines.forEach((text, index) => {
    // Comments and variable definitions (`COMPOSE ?= docker compose`) run nothing.
    if (!/compose/i.test(text) || /^\s*#|^\s*[A-Za-z_][A-Za-z0-9_]*\s*[:?+]?=/.test(text)) return;
    // Prose names "the docker-compose file"; only a command (a code line or code span) runs it.
    if (markdown && !MARKDOWN_COMMAND.test(text)) return;
    const files = composeFiles(text, cwd, known);
    if (!files || files.length === 0) return;
    const placed = context(index);
    add({ file: source, line: index + 1, how: placed?.[1] ?? source, environment: placed?.[0] ?? null, files });
  });
}

/**
 * Make variables substituted into the recipes (`$(COMPOSE) $(FILES) up` with `COMPOSE ?= docker
 * compose` and `FILES = -f compose.yaml`), a few levels deep; line numbers are kept.
 */
function expandMakeVariables(content: string): string {
  const variables = new Map<string, string>();
  for (const match of content.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)\s*[:?+]?=[ \t]*(.*)$/gm)) {
    if (match[1] && !variables.has(match[1])) variables.set(match[1], match[2] ?? "");
  }
  if (variables.size === 0) return content;
  let text = content;
  for (let depth = 0; depth < 4 && /\$[({]/.test(text); depth++) {
    text = text.replace(/\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]/g, (whole, name: string) => variables.get(name) ?? whole);
  }
  return text;
}

/** A Makefile/justfile line's environment: the target it belongs to (`start:` dev, `test:` test). */
function makeContext(content: string): Context {
  const lines = content.split("\n");
  return (index) => {
    for (let at = index; at >= 0; at--) {
      const target = /^([A-Za-z0-9_\-/][A-Za-z0-9_.\-/]*)[^:=\n]*:(?!=)/.exec(lines[at] ?? "");
      if (target?.[1]) {
        return [scriptEnvironment(target[1], "dev"), `make ${target[1]}`];
      }
    }
    return ["dev", "make"];
  };
}

/** A Markdown line's environment: the words of the nearest heading above (`## Development`). */
function markdownContext(source: string, content: string): Context {
  const lines = content.split("\n");
  const byName = headingEnvironment(source.replace(/[/_.-]/g, " "));
  return (index) => {
    for (let at = index; at >= 0; at--) {
      const heading = /^#{1,6}\s+(.+)$/.exec(lines[at] ?? "");
      if (!heading?.[1]) continue;
      const title = heading[1].trim();
      const named = headingEnvironment(title);
      // Docs that tell a contributor how to run the tests describe the developer's machine.
      if (named) return [named === "test" ? "dev" : named, `the "${title}" section of ${source}`];
    }
    return byName ? [byName, source] : null;
  };
}

/** Development sections and self-hosting/production sections; other words as in paths. */
function headingEnvironment(title: string): Environment | null {
  const words = title.toLowerCase().replace(/self[\s-]+host/g, "selfhost");
  if (/\b(develop\w*|contribut\w*|hacking|local)\b/.test(words)) return "dev";
  if (/\b(selfhost\w*|production|deploy\w*)\b/.test(words)) return "prod";
  return wordEnvironment(words)?.[0] ?? null;
}
