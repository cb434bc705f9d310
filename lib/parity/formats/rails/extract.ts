import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { selectorEnvironments } from "../django/deploy-selectors";
import { pathIndex } from "../shared/path-index";
import { extractDatabaseYaml } from "./database";
import {
  configureLine,
  extractGemfile,
  type RailsFiles,
  type RailsSetting,
  type RubySetting,
  scanRubyConfig,
  settingUse,
} from "./ruby-config";
import { railsEnvironment } from "./yaml-env";

/** `app/config/environments/production.rb` -> `app/`; the Rails root of any file under config/. */
function railsRoot(path: string): string {
  const index = path.lastIndexOf("config/");
  return index >= 0 ? path.slice(0, index) : path.slice(0, path.lastIndexOf("/") + 1);
}

/** Committed stand-ins for a `database.yml` each machine writes itself (deploys copy theirs in). */
const DATABASE_SAMPLES = ["database.yml.sample", "database.yml.example", "example.database.yml"];

function databaseYaml(root: string, ctx: ExtractContext): string | undefined {
  const real = ctx.readFile(`${root}config/database.yml`);
  if (real !== undefined) return real;
  for (const name of DATABASE_SAMPLES) {
    const sample = ctx.readFile(`${root}config/${name}`);
    if (sample !== undefined) return sample;
  }
  return undefined;
}

function railsFiles(root: string, ctx: ExtractContext): RailsFiles {
  return {
    databaseYaml: databaseYaml(root, ctx),
    storageYaml: ctx.readFile(`${root}config/storage.yml`),
  };
}

/** Environment files of the app: `config/environments/<name>.rb` with a known Rails name. */
function environmentFiles(root: string, ctx: ExtractContext): { path: string; name: string }[] {
  const prefix = `${root}config/environments/`;
  return pathIndex(ctx.paths)
    .inDirectory(prefix.slice(0, -1))
    .filter((path) => path.endsWith(".rb"))
    .map((path) => ({ path, name: path.slice(prefix.length, -".rb".length) }))
    .filter((file) => railsEnvironment(file.name) !== null);
}

/**
 * Whether a setting holds in `environment`, read as Rails reads it, and the note that says why:
 * - the test environment's standard adapters (`:test` jobs, `:null_store` cache) stand in for
 *   services on purpose: not facts that checks compare;
 * - `if Rails.root.join("tmp/caching-dev.txt").exist?`: dev runs the store it names once caching
 *   is on (`rails dev:cache`), so the toggled-off `:null_store` is dropped;
 * - `if ENV["X"].present?`: the branch holds where a deploy file sets X (CI for the test env);
 *   its `else` runs where nothing is set, which the files cannot tell for a deployed environment.
 */
function placeSetting(
  found: RubySetting,
  environment: Environment | undefined,
  ctx: ExtractContext,
): { environment: Environment | undefined; note?: string } | null {
  if (environment === "test" && (found.setting === "queue" ? found.value === "test" : found.value === "null_store")) {
    return null;
  }
  const branch = found.branch;
  if (!branch) return { environment };
  if (branch.role === "toggle") return { environment, note: "when caching is on: rails dev:cache" };
  if (branch.role === "toggled-off") return null;
  const names = branch.selectors.join(" or ");
  if (branch.role === "fallback") {
    if (environment === "staging" || environment === "prod") return null;
    return { environment, note: `branch taken when ${names} unset` };
  }
  if (!environment) return null;
  const where = selectorEnvironments(ctx, branch.selectors, null);
  const at = where.has(environment) ? environment : environment === "test" && where.has("ci") ? "ci" : null;
  if (!at) return null;
  return { environment: at, note: `branch taken where ${names} set: ${(where.get(at) ?? []).join(", ")}` };
}

function placedUse(
  found: RubySetting,
  blockName: string,
  environment: Environment | undefined,
  files: RailsFiles,
  ctx: ExtractContext,
): ExtractedUse | null {
  const placed = placeSetting(found, environment, ctx);
  if (!placed) return null;
  const use = settingUse(found, blockName, placed.environment, files);
  if (!use) return null;
  return placed.note ? { ...use, raw: `${use.raw} (${placed.note})` } : use;
}

function extractEnvironmentFile(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const root = railsRoot(file.path);
  const name = file.path.slice(file.path.lastIndexOf("/") + 1, -".rb".length);
  const environment = railsEnvironment(name);
  if (!environment) return { uses: [], problems: [] };
  const files = railsFiles(root, ctx);
  const own = scanRubyConfig(file.content);
  const uses: ExtractedUse[] = [];
  for (const found of own) {
    const use = placedUse(found, name, environment, files, ctx);
    if (use) uses.push(use);
  }
  const application = ctx.readFile(`${root}config/application.rb`);
  const inherited = application ? scanRubyConfig(application).some((found) => found.setting === "queue") : false;
  // Tests run jobs through Active Job's test helpers: no default adapter to compare there.
  if (!own.some((found) => found.setting === "queue") && !inherited && environment !== "test") {
    // Active Job's default adapter is :async (jobs run on a thread pool inside the process).
    uses.push({
      kind: "broker",
      engine: "in-process",
      version: null,
      pinned: null,
      line: configureLine(file.content),
      raw: "config.active_job.queue_adapter (unset: Rails default :async)",
      via: "default",
      environment,
      name,
    });
  }
  return { uses, problems: [] };
}

/** `config/application.rb` settings hold in every environment whose own file does not override. */
function extractApplication(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const root = railsRoot(file.path);
  const files = railsFiles(root, ctx);
  const settings = scanRubyConfig(file.content);
  const uses: ExtractedUse[] = [];
  const environments = environmentFiles(root, ctx);
  for (const found of settings) {
    if (environments.length === 0) {
      // No environment files: the setting holds everywhere Rails runs.
      for (const environment of ["dev", "prod"] as const) {
        const use = placedUse(found, "application", environment, files, ctx);
        if (use) uses.push(use);
      }
      continue;
    }
    for (const env of environments) {
      const content = ctx.readFile(env.path);
      const overridden = new Set<RailsSetting>(content ? scanRubyConfig(content).map((s) => s.setting) : []);
      if (overridden.has(found.setting)) continue;
      const use = placedUse(found, env.name, railsEnvironment(env.name) ?? undefined, files, ctx);
      if (use) uses.push(use);
    }
  }
  return { uses, problems: [] };
}

export function extractRails(file: FormatFile, ctx: ExtractContext): ExtractResult {
  try {
    const base = file.path.slice(file.path.lastIndexOf("/") + 1);
    if (base === "database.yml") return extractDatabaseYaml(file.content);
    if (DATABASE_SAMPLES.includes(base)) {
      // A sample speaks for the app only when no database.yml is committed.
      const dir = file.path.slice(0, file.path.length - base.length);
      if (pathIndex(ctx.paths).has(`${dir}database.yml`)) return { uses: [], problems: [] };
      return extractDatabaseYaml(file.content);
    }
    if (base === "application.rb") return extractApplication(file, ctx);
    if (base === "Gemfile") {
      const root = file.path.slice(0, file.path.length - base.length);
      if (!pathIndex(ctx.paths).has(`${root}config/application.rb`)) return { uses: [], problems: [] };
      return { uses: extractGemfile(file.content), problems: [] };
    }
    if (file.path.includes("config/environments/")) return extractEnvironmentFile(file, ctx);
    return { uses: [], problems: [] };
  } catch (error) {
    return {
      uses: [],
      problems: [
        { type: "parse-error", line: 1, message: `could not read Rails config: ${String(error).slice(0, 120)}` },
      ],
    };
  }
}
