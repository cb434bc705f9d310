import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { pathIndex } from "../shared/path-index";
import {
  configDefaults,
  envFileSettings,
  KEYS,
  type LaravelKey,
  type LaravelSetting,
  phpunitSettings,
  serviceOf,
} from "./settings";

/**
 * Where each environment reads a setting, strongest first. Tests load `.env` (a copy of
 * `.env.example`) and then phpunit.xml's `<env>` values win; `config/*.php` fallbacks come last.
 */
const LAYERS: Record<Environment, string[]> = {
  dev: [".env.example", ".env.local", ".env.development"],
  test: ["phpunit.xml", "phpunit.xml.dist", ".env.testing", ".env.example"],
  ci: [],
  staging: [".env.staging"],
  prod: [".env.production", ".env.prod"],
};

const CONFIG_FILES: Record<LaravelKey, string> = {
  DB_CONNECTION: "config/database.php",
  CACHE_STORE: "config/cache.php",
  QUEUE_CONNECTION: "config/queue.php",
  FILESYSTEM_DISK: "config/filesystems.php",
};

function settingsOf(path: string, content: string): LaravelSetting[] {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (base.startsWith("phpunit.xml")) return phpunitSettings(content);
  if (base.endsWith(".php")) return configDefaults(content);
  return envFileSettings(content);
}

class LaravelProject {
  private readonly cache = new Map<string, LaravelSetting[]>();

  constructor(
    private readonly root: string,
    private readonly ctx: ExtractContext,
    private readonly current: FormatFile,
  ) {}

  private settings(relative: string): LaravelSetting[] | null {
    const path = `${this.root}${relative}`;
    const cached = this.cache.get(path);
    if (cached) return cached;
    const content = path === this.current.path ? this.current.content : this.ctx.readFile(path);
    if (content === undefined) return null;
    const settings = settingsOf(path, content);
    this.cache.set(path, settings);
    return settings;
  }

  /** Environments this project describes: dev always; others when one of their files exists. */
  environments(): Environment[] {
    const has = (relative: string) => pathIndex(this.ctx.paths).has(`${this.root}${relative}`);
    return (["dev", "test", "staging", "prod"] as const).filter((env) => env === "dev" || LAYERS[env].some(has));
  }

  /** The file and setting that decide `key` in `environment`. */
  winner(environment: Environment, key: LaravelKey): { path: string; setting: LaravelSetting } | null {
    for (const relative of [...LAYERS[environment], CONFIG_FILES[key]]) {
      const setting = this.settings(relative)?.find((s) => s.key === key);
      if (setting) return { path: `${this.root}${relative}`, setting };
    }
    return null;
  }
}

/** `artisan` beside a `composer.json` that requires laravel/framework: a Laravel application. */
function isLaravelApp(root: string, ctx: ExtractContext): boolean {
  if (!pathIndex(ctx.paths).has(`${root}artisan`)) return false;
  const composer = ctx.readFile(`${root}composer.json`);
  return composer !== undefined && /"laravel\/(framework|lumen-framework)"\s*:/.test(composer);
}

export function extractLaravel(file: FormatFile, ctx: ExtractContext): ExtractResult {
  try {
    const configIndex = file.path.lastIndexOf("config/");
    const root =
      file.path.endsWith(".php") && configIndex >= 0
        ? file.path.slice(0, configIndex)
        : file.path.slice(0, file.path.lastIndexOf("/") + 1);
    // Only a Laravel app's files: the generic env-file format reads other `.env.*` files.
    if (!isLaravelApp(root, ctx)) return { uses: [], problems: [] };
    const project = new LaravelProject(root, ctx, file);
    const uses: ExtractedUse[] = [];
    for (const environment of project.environments()) {
      const database = project.winner(environment, "DB_CONNECTION");
      const databaseEngine = database ? (serviceOf(database.setting, null)?.engine ?? null) : null;
      for (const key of KEYS) {
        const winner = project.winner(environment, key);
        if (!winner || winner.path !== file.path) continue;
        const service = serviceOf(winner.setting, databaseEngine);
        if (!service) continue;
        uses.push({
          ...service,
          version: null,
          pinned: null,
          line: winner.setting.line,
          raw: winner.setting.raw,
          via: file.path.endsWith(".php") ? "default" : "setting",
          environment,
          name: key,
        });
      }
    }
    return { uses, problems: [] };
  } catch (error) {
    return {
      uses: [],
      problems: [
        { type: "parse-error", line: 1, message: `could not read Laravel config: ${String(error).slice(0, 120)}` },
      ],
    };
  }
}
