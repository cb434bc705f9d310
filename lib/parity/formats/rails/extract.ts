import type { ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { pathIndex } from "../path-index";
import { extractCableYaml } from "./cable-storage";
import { extractDatabaseYaml } from "./database";
import {
  configureLine,
  extractGemfile,
  type RailsFiles,
  type RailsSetting,
  scanRubyConfig,
  settingUse,
} from "./ruby-config";
import { railsEnvironment } from "./yaml-env";

/** `app/config/environments/production.rb` -> `app/`; the Rails root of any file under config/. */
function railsRoot(path: string): string {
  const index = path.lastIndexOf("config/");
  return index >= 0 ? path.slice(0, index) : path.slice(0, path.lastIndexOf("/") + 1);
}

function railsFiles(root: string, ctx: ExtractContext): RailsFiles {
  return {
    databaseYaml: ctx.readFile(`${root}config/database.yml`),
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

function extractEnvironmentFile(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const root = railsRoot(file.path);
  const name = file.path.slice(file.path.lastIndexOf("/") + 1, -".rb".length);
  const environment = railsEnvironment(name);
  if (!environment) return { uses: [], problems: [] };
  const files = railsFiles(root, ctx);
  const own = scanRubyConfig(file.content);
  const uses: ExtractedUse[] = [];
  for (const found of own) {
    const use = settingUse(found, name, environment, files);
    if (use) uses.push(use);
  }
  const application = ctx.readFile(`${root}config/application.rb`);
  const inherited = application ? scanRubyConfig(application).some((found) => found.setting === "queue") : false;
  if (!own.some((found) => found.setting === "queue") && !inherited) {
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
        const use = settingUse(found, "application", environment, files);
        if (use) uses.push(use);
      }
      continue;
    }
    for (const env of environments) {
      const content = ctx.readFile(env.path);
      const overridden = new Set<RailsSetting>(content ? scanRubyConfig(content).map((s) => s.setting) : []);
      if (overridden.has(found.setting)) continue;
      const use = settingUse(found, env.name, railsEnvironment(env.name) ?? undefined, files);
      if (use) uses.push(use);
    }
  }
  return { uses, problems: [] };
}

export function extractRails(file: FormatFile, ctx: ExtractContext): ExtractResult {
  try {
    const base = file.path.slice(file.path.lastIndexOf("/") + 1);
    if (base === "database.yml") return extractDatabaseYaml(file.content);
    if (base === "cable.yml") return extractCableYaml(file.content);
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
