import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { pathIndex } from "../shared/path-index";
import { renderTemplate, templateChoices, templateRoot } from "../templates/jinja";
import { deploySelectors, selectorEnvironments } from "./deploy-selectors";
import { extractEntrypoint, isEntrypoint } from "./entrypoint";
import {
  placeEverywhere,
  placeFact,
  type ScannedSettings,
  type SelectorLookup,
  type SettingGroup,
  scanSettings,
} from "./python-settings";
import { extractRuns, isRunner } from "./runs";

/** Settings module names to environments; shared modules (`base`, `settings`) map to null. */
const MODULE_ENVIRONMENTS: Record<string, Environment> = {
  local: "dev",
  dev: "dev",
  development: "dev",
  test: "test",
  tests: "test",
  testing: "test",
  ci: "ci",
  staging: "staging",
  stage: "staging",
  production: "prod",
  prod: "prod",
};

interface Target {
  environment: Environment | undefined;
  /** Groups a module closer to the environment assigns: base's value does not reach it. */
  overridden: Set<SettingGroup>;
  /**
   * A helper module of the settings package (`settings/custom.py` that `__init__.py` imports a
   * function from): what runs is not known from its place, only its branches on environment
   * variables (and fallbacks) say where they run.
   */
  helper?: boolean;
}

function moduleName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).replace(/\.py$/, "");
}

function directory(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

class SettingsTree {
  private readonly cache = new Map<string, ScannedSettings>();

  constructor(private readonly ctx: ExtractContext) {}

  scan(path: string, content?: string): ScannedSettings | null {
    const cached = this.cache.get(path);
    if (cached) return cached;
    const text = content ?? this.ctx.readFile(path);
    if (text === undefined) return null;
    const root = templateRoot(path);
    const rendered =
      root === null ? text : renderTemplate(text, templateChoices(this.ctx.readFile(`${root}cookiecutter.json`)));
    const scanned = scanSettings(rendered);
    this.cache.set(path, scanned);
    return scanned;
  }

  /** Sibling modules that star-import `path` (`from .base import *`). */
  importers(path: string): string[] {
    const dir = directory(path);
    const name = moduleName(path);
    return pathIndex(this.ctx.paths)
      .inDirectory(dir.replace(/\/$/, ""))
      .filter((other) => {
        if (other === path || !other.endsWith(".py")) return false;
        return this.scan(other)?.starImports.includes(name) ?? false;
      });
  }

  /** Star imports of `path` that exist beside it. */
  imports(path: string): string[] {
    const dir = directory(path);
    return (this.scan(path)?.starImports ?? [])
      .map((name) => `${dir}${name}.py`)
      .filter((p) => pathIndex(this.ctx.paths).has(p));
  }

  /** Every environment this module's settings reach, with what closer modules override. */
  targets(path: string, seen: Set<string> = new Set()): Target[] {
    if (seen.has(path)) return [];
    seen.add(path);
    const result: Target[] = [];
    const own = ownEnvironment(path);
    if (own) result.push({ environment: own, overridden: new Set() });
    // A deploy or CI file that names the module in DJANGO_SETTINGS_MODULE runs it there too.
    for (const environment of selectedBy(path, this.ctx)) {
      if (!result.some((t) => t.environment === environment)) result.push({ environment, overridden: new Set() });
    }
    for (const importer of this.importers(path)) {
      const assigned = [...(this.scan(importer)?.assigned.keys() ?? [])];
      for (const target of this.targets(importer, seen)) {
        if (result.some((t) => t.environment === target.environment)) continue;
        result.push({ environment: target.environment, overridden: new Set([...target.overridden, ...assigned]) });
      }
    }
    if (result.length === 0 && !own && isShared(moduleName(path)))
      result.push({ environment: undefined, overridden: new Set() });
    else if (result.length === 0 && !own && this.importedBySibling(path))
      result.push({ environment: undefined, overridden: new Set(), helper: true });
    return result;
  }

  /** A sibling settings module imports from this one (`from app.settings.custom import parse_db`). */
  private importedBySibling(path: string): boolean {
    const name = moduleName(path);
    const imports = new RegExp(
      `^\\s*(from\\s+[\\w.]*\\b${name}\\s+import\\b|from\\s+\\.\\s+import\\s+[^\\n]*\\b${name}\\b|import\\s+[\\w.]*\\b${name}\\b)`,
      "m",
    );
    return pathIndex(this.ctx.paths)
      .inDirectory(directory(path).replace(/\/$/, ""))
      .some((other) => other !== path && other.endsWith(".py") && imports.test(this.ctx.readFile(other) ?? ""));
  }
}

/**
 * The environment a module is for: by its name (`production.py`), or `test` for a shared-named
 * module inside a tests package (`app/tests/settings.py`, the pytest settings).
 */
function ownEnvironment(path: string): Environment | undefined {
  const name = moduleName(path);
  const named = MODULE_ENVIRONMENTS[name];
  if (named) return named;
  if (isShared(name) && /(^|\/)(tests?|testing)\//.test(path)) return "test";
  return undefined;
}

/** Environments whose deploy or CI files set `DJANGO_SETTINGS_MODULE` to this module. */
function selectedBy(path: string, ctx: ExtractContext): Environment[] {
  const dotted = path.replace(/\.py$/, "").replace(/\//g, ".");
  const settings = deploySelectors(ctx).get("DJANGO_SETTINGS_MODULE") ?? [];
  return [
    ...new Set(
      settings
        .filter((setting) => dotted === setting.value || dotted.endsWith(`.${setting.value}`))
        .map((setting) => setting.environment),
    ),
  ];
}

function isShared(name: string): boolean {
  return ["settings", "base", "common", "__init__", "defaults", "shared", "core"].includes(name);
}

function defaultUses(scanned: ScannedSettings, content: string): ExtractedUse[] {
  // Defaults are Django's: only claim them for a module that is Django's (not a Flask config).
  if (!/INSTALLED_APPS|^\s*(from|import)\s+django\b/m.test(content)) return [];
  const uses: ExtractedUse[] = [];
  if (!scanned.assigned.has("cache")) {
    uses.push({
      kind: "cache",
      engine: "in-memory",
      version: null,
      pinned: null,
      line: 1,
      raw: "CACHES (unset: Django default LocMemCache)",
      via: "default",
    });
  }
  if (!scanned.assigned.has("storage")) {
    uses.push({
      kind: "storage",
      engine: "local-disk",
      version: null,
      pinned: null,
      line: scanned.mediaRootLine ?? 1,
      raw: "STORAGES (unset: Django default FileSystemStorage under MEDIA_ROOT)",
      via: "default",
    });
  }
  return uses;
}

const DEFAULT_GROUP: Record<string, SettingGroup> = { cache: "cache", storage: "storage" };

export function extractDjango(file: FormatFile, ctx: ExtractContext): ExtractResult {
  if (isEntrypoint(file.path)) return extractEntrypoint(file, ctx);
  if (isRunner(file.path)) return extractRuns(file, ctx);
  try {
    const tree = new SettingsTree(ctx);
    const scanned = tree.scan(file.path, file.content);
    if (!scanned) return { uses: [], problems: [] };
    const name = moduleName(file.path);
    const isRoot = tree.imports(file.path).length === 0;
    const defaults = isRoot ? defaultUses(scanned, file.content) : [];
    const uses: ExtractedUse[] = [];
    const own = ownEnvironment(file.path);
    const lookup: SelectorLookup = (selectors, value) => selectorEnvironments(ctx, selectors, value);
    for (const target of tree.targets(file.path)) {
      const env = target.environment ? { environment: target.environment } : {};
      for (const fact of scanned.facts) {
        if (target.overridden.has(fact.group)) continue;
        if (target.helper && !fact.branch && fact.via !== "default") continue;
        uses.push(...placeFact(fact, target.environment, own === target.environment, lookup, { name }));
      }
      for (const use of defaults) {
        const group = DEFAULT_GROUP[use.kind];
        if (group && !target.overridden.has(group)) uses.push({ ...use, ...env, name });
      }
    }
    // A module reached as test (whose gated branches run in CI) and named by CI gives CI twice.
    const seen = new Set<string>();
    const unique = uses.filter((use) => {
      const key = `${use.environment}|${use.kind}|${use.engine}|${use.line}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { uses: placeEverywhere(unique), problems: [] };
  } catch (error) {
    return {
      uses: [],
      problems: [{ type: "parse-error", line: 1, message: `could not read settings: ${String(error).slice(0, 120)}` }],
    };
  }
}
