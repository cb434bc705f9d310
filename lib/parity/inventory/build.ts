import { configuredEnvironments, ignoredByRules, isIgnoredPath, placeByRules } from "../classify";
import { FORMATS } from "../formats/index";
import { formatsFor } from "../formats/registry";
import { pathIndex } from "../formats/shared/path-index";
import {
  renderTemplate,
  renderTemplateFile,
  templateChoices,
  templateDefaults,
  templateRoot,
} from "../formats/templates/jinja";
import { scrubMessage } from "../scrub";
import type {
  Environment,
  ExtractContext,
  ExtractResult,
  Format,
  Inventory,
  ParityConfig,
  RepoSnapshot,
} from "../types";
import { ENVIRONMENTS, SERVICE_KINDS } from "../types";
import { type PlacedUse, placeResult, problemOf } from "./place";
import { type Prepared, prepareContent } from "./prepare";
import { applyReferences, normalizePath, type Reference } from "./references";

/** Files no rule, format or config places are what a developer runs: dev (documented). */
const FALLBACK = { environments: ["dev"] as Environment[], reason: "dev: nothing places it otherwise (default)" };

/** The file's environments and why: config, then the format's content reading, then the path. */
function fileEnvironments(
  path: string,
  config: ParityConfig | null,
  result: ExtractResult,
): { environments: Environment[]; reason: string } {
  const configured = configuredEnvironments(path, config);
  if (configured) return { environments: configured, reason: `${configured.join(", ")}: .parity.yml environments` };
  if (result.environment && (ENVIRONMENTS as readonly string[]).includes(result.environment)) {
    const why = typeof result.reason === "string" && result.reason !== "" ? result.reason : "by its content";
    return { environments: [result.environment], reason: `${result.environment}: ${scrubMessage(why)}` };
  }
  const byPath = placeByRules(path) ?? FALLBACK;
  // A format may say why the path's placement holds (`a compose file nothing runs otherwise`).
  if (typeof result.reason === "string" && result.reason !== "") {
    return {
      environments: byPath.environments,
      reason: `${byPath.environments.join(", ")}: ${scrubMessage(result.reason)}`,
    };
  }
  return { environments: [...byPath.environments], reason: byPath.reason };
}

/** Environments some uses took from the file's content (a Rails `test:` block), for the reason. */
function byContent(seen: ReadonlySet<Environment>, placed: readonly Environment[]): string {
  const extra = ENVIRONMENTS.filter((environment) => seen.has(environment) && !placed.includes(environment));
  return extra.length > 0 ? `; ${extra.join(", ")}: uses placed by their own section` : "";
}

function runFormat(format: Format, path: string, content: string, ctx: ExtractContext): ExtractResult {
  try {
    const result = format.extract({ path, content }, ctx);
    if (typeof result !== "object" || result === null) throw new Error("extract returned no result");
    return result;
  } catch (error) {
    // A buggy format must cost one file, never the audit.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      uses: [],
      problems: [
        { type: "parse-error", line: 1, message: `${format.id}: could not read the file (${scrubMessage(reason)})` },
      ],
    };
  }
}

const envIndex = (environment: Environment) => ENVIRONMENTS.indexOf(environment);
const kindIndex = (kind: string) => (SERVICE_KINDS as readonly string[]).indexOf(kind);

/**
 * Each distinct string's place in `localeCompare` order, strings it deems equal sharing one: two
 * ranks compare as `localeCompare` would. Sorting uses called it (up to twice) per comparison of
 * uses; ranking calls it per comparison of distinct engines and files, and uses compare numbers.
 */
function localeRanks(values: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((value, index) => {
    if (index > 0 && (sorted[index - 1] as string).localeCompare(value) !== 0) rank++;
    ranks.set(value, rank);
  });
  return ranks;
}

function sortInventory(inventory: Inventory): void {
  const engines = localeRanks(inventory.uses.map((use) => use.engine));
  const files = localeRanks(inventory.uses.map((use) => use.file));
  // Sort keys computed once per use (a stable sort on keys of the same signs gives the same order).
  const keyed = inventory.uses.map((use) => ({
    use,
    environment: envIndex(use.environment),
    kind: kindIndex(use.kind),
    engine: engines.get(use.engine) ?? 0,
    file: files.get(use.file) ?? 0,
  }));
  keyed.sort(
    (a, b) =>
      a.environment - b.environment ||
      a.kind - b.kind ||
      a.engine - b.engine ||
      a.file - b.file ||
      a.use.line - b.use.line,
  );
  keyed.forEach((entry, index) => {
    inventory.uses[index] = entry.use;
  });
  inventory.files.sort((a, b) => a.path.localeCompare(b.path) || a.format.localeCompare(b.format));
  inventory.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  inventory.devEnvironmentFiles.sort();
}

/**
 * Runs every claimed file of the snapshot through every format that matches it and places each
 * use in its environments. Never throws: unreadable files and failing formats become problems.
 */
export function buildInventory(
  snapshot: RepoSnapshot,
  config: ParityConfig | null,
  formats: readonly Format[] = FORMATS,
): Inventory {
  const inventory: Inventory = {
    uses: [],
    files: [],
    envKeys: [],
    literals: [],
    deployJobs: [],
    devEnvironmentFiles: [],
    problems: [],
    paths: snapshot.paths,
  };
  const prepared = new Map<string, Prepared>();
  const read = (path: string): Prepared | undefined => {
    // The snapshot first: formats ask for many files it does not hold (env-selectors asks for each
    // of a monorepo's thousands of `config.ts`), and a miss then costs one lookup, not two.
    const raw = snapshot.files.get(path);
    if (typeof raw !== "string") return undefined;
    const cached = prepared.get(path);
    if (cached) return cached;
    const result = renderTemplated(path, prepareContent(raw));
    prepared.set(path, result);
    return result;
  };
  /**
   * A file inside a project template's `{{cookiecutter.x}}` folder is read as the template's
   * defaults generate it (line numbers kept), so every format sees the generated project. A
   * Python module keeps both branches of a yes/no feature (its assignments read line by line);
   * any other file is one document, rendered with every default or, when a branch cannot be
   * decided, left as written (its format reports it unread).
   */
  const renderTemplated = (path: string, file: Prepared): Prepared => {
    if (!file.ok || (!file.content.includes("{%") && !file.content.includes("{{"))) return file;
    const root = templateRoot(path);
    if (root === null) return file;
    const json = snapshot.files.get(`${root}cookiecutter.json`);
    const settings = typeof json === "string" ? json : undefined;
    if (path.endsWith(".py")) return { ok: true, content: renderTemplate(file.content, templateChoices(settings)) };
    const rendered = renderTemplateFile(file.content, templateDefaults(settings));
    return rendered === null ? file : { ok: true, content: rendered };
  };
  const ctx: ExtractContext = {
    paths: snapshot.paths,
    readFile(path) {
      const file = read(normalizePath(path));
      return file?.ok ? file.content : undefined;
    },
    repository: snapshot.repository,
  };

  const out = { placed: [] as PlacedUse[], inventory };
  const references: Reference[] = [];
  const skippedBySource = new Map((snapshot.skipped ?? []).map((skip) => [skip.path, skip.reason]));
  // Only files the source fetched (or reported skipping) can be read: asking every format about
  // each of a monorepo's 100,000 paths would cost more than the whole audit, and so would even
  // walking them here (the inventory is sorted at the end, so the walking order does not matter).
  const candidates = new Set<string>(snapshot.files.keys());
  if (skippedBySource.size > 0) {
    const listed = pathIndex(snapshot.paths);
    for (const path of skippedBySource.keys()) if (listed.has(path)) candidates.add(path);
  }

  // Work is grouped by format: running one format over all its files keeps its code (and the
  // parser's) hot, measured ~20% faster on the bench monorepo than alternating formats file by
  // file as paths come. The inventory is sorted at the end, so the order of work does not show.
  const work = new Map<Format, { path: string; content: string }[]>();
  for (const path of candidates) {
    if (isIgnoredPath(path, config)) continue;
    // Examples and benchmarks are nobody's environment, unless .parity.yml places them.
    if (ignoredByRules(path) !== null && configuredEnvironments(path, config) === null) continue;
    const matching = formatsFor(path, formats);
    if (matching.length === 0) continue;
    const sourceSkip = skippedBySource.get(path);
    if (sourceSkip !== undefined) {
      inventory.problems.push(problemOf(path, { type: "skipped", line: 1, message: `skipped: ${sourceSkip}` }));
      continue;
    }
    const file = read(path);
    if (!file) continue;
    if (!file.ok) {
      inventory.problems.push(problemOf(path, { type: "skipped", line: 1, message: `skipped: ${file.reason}` }));
      continue;
    }
    for (const format of matching) {
      const files = work.get(format);
      if (files) files.push({ path, content: file.content });
      else work.set(format, [{ path, content: file.content }]);
    }
  }

  for (const [format, files] of work) {
    for (const { path, content } of files) {
      const result = runFormat(format, path, content, ctx);
      if (result.unclaimed === true && result.uses.length === 0) continue;
      const placement = fileEnvironments(path, config, result);
      const seen = placeResult(out, path, format, result, placement.environments);
      inventory.files.push({
        path,
        format: format.id,
        environments: ENVIRONMENTS.filter((env) => seen.has(env)),
        reason: placement.reason + byContent(seen, placement.environments),
        ...(result.runsApp === true ? { runsApp: true } : {}),
      });
      for (const reference of Array.isArray(result.references) ? result.references : []) {
        references.push({ from: path, ...reference });
      }
    }
  }

  applyReferences(out, references, (path) => isIgnoredPath(path, config) || ignoredByRules(path) !== null);
  inventory.uses = out.placed.map((placed) => placed.use);
  sortInventory(inventory);
  return inventory;
}
