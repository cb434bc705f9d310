import { classifyPath } from "../../classify";
import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { loadCompose } from "../compose/model";
import { composeRole } from "../compose/role";
import { pathEnvironment } from "../compose/words";
import { pathIndex } from "../shared/path-index";
import { renderTemplate, templateChoices, templateRoot } from "../templates/jinja";
import { isDjangoProject } from "./project";
import { type SettingFact, scanSettings } from "./python-settings";

/**
 * A development stack that runs the Django application (a compose service that builds the
 * source) and sets none of the variables the settings' database fallback tests runs that
 * fallback: `paperless-development` sets PAPERLESS_REDIS but not PAPERLESS_DBHOST, so it runs
 * SQLite. The use is cited at the service, with the settings line that decides it. Only dev and
 * test stacks: a deployed stack may get its variables from where the files do not show.
 */
export const RUN_GLOBS = ["**/docker-compose*.{yml,yaml}", "**/compose*.{yml,yaml}"];

const COMPOSE_FILE = /(^|\/)(docker-)?compose[^/]*\.ya?ml$/;
const SETTINGS_FILE = /(^|\/)settings(\.py|\/[^/]+\.py)$/;
const DEPLOYED_MODULE = /(^|\/)(production|prod|staging|stage|test|tests|testing|ci)\.py$/;

export function isRunner(path: string): boolean {
  return COMPOSE_FILE.test(path);
}

/** The database fallbacks of the settings modules that every setup runs (not an environment's own), once per audit. */
const fallbacksCache = new WeakMap<ExtractContext, { file: string; fact: SettingFact }[]>();

function databaseFallbacks(ctx: ExtractContext): { file: string; fact: SettingFact }[] {
  const cached = fallbacksCache.get(ctx);
  if (cached) return cached;
  const result: { file: string; fact: SettingFact }[] = [];
  fallbacksCache.set(ctx, result);
  // Settings modules end in `.py`: the `y` hint reads only the paths ending in `y`, in snapshot order.
  const modules = pathIndex(ctx.paths).select("django:settings-modules", (path) => SETTINGS_FILE.test(path), "y");
  for (const file of modules) {
    if (DEPLOYED_MODULE.test(file) || /(^|\/)(local|dev|development)\.py$/.test(file)) continue;
    const text = ctx.readFile(file);
    if (text === undefined) continue;
    const root = templateRoot(file);
    const content =
      root === null ? text : renderTemplate(text, templateChoices(ctx.readFile(`${root}cookiecutter.json`)));
    for (const fact of scanSettings(content).facts) {
      if (fact.group === "database" && fact.branch?.role === "fallback" && fact.owner === null) {
        result.push({ file, fact });
      }
    }
  }
  return result;
}

function composeEnvironment(path: string, content: string, ctx: ExtractContext): Environment | undefined {
  if (!pathEnvironment(path)) {
    const role = composeRole(path, loadCompose(path, content, ctx), ctx, content).environment;
    if (role) return role;
  }
  return classifyPath(path, null)[0];
}

/** The service's Dockerfile sets up a Python application (a frontend's Node image is not the app). */
function buildsPython(dockerfile: string | null | undefined, ctx: ExtractContext): boolean {
  if (!dockerfile) return false;
  const content = ctx.readFile(dockerfile);
  return (
    content !== undefined &&
    /\b(python\d*|pip3?|uv|poetry|pipenv|manage\.py|gunicorn|uwsgi|uvicorn|daphne)\b/i.test(content)
  );
}

export function extractRuns(file: FormatFile, ctx: ExtractContext): ExtractResult {
  if (!isDjangoProject(ctx)) return { uses: [], problems: [], unclaimed: true };
  // Variables from an env file are not in the compose file: what the service sets is unknown.
  if (/^\s*env_file\s*:/m.test(file.content)) return { uses: [], problems: [], unclaimed: true };
  const environment = composeEnvironment(file.path, file.content, ctx);
  if (environment !== "dev" && environment !== "test") return { uses: [], problems: [], unclaimed: true };
  const fallbacks = databaseFallbacks(ctx);
  if (fallbacks.length === 0) return { uses: [], problems: [], unclaimed: true };
  const uses: ExtractedUse[] = [];
  for (const service of loadCompose(file.path, file.content, ctx).services) {
    if (!service.build || !buildsPython(service.buildFile, ctx)) continue;
    const set = new Set(service.environment.map((setting) => setting.key));
    for (const { file: settings, fact } of fallbacks) {
      const selectors = fact.branch?.selectors ?? [];
      if (selectors.length === 0 || selectors.some((selector) => set.has(selector))) continue;
      uses.push({
        kind: fact.kind,
        engine: fact.engine,
        version: null,
        pinned: null,
        line: service.line,
        raw: `service ${service.name} builds the app and sets no ${selectors.join(" or ")}: the settings' fallback (${settings}:${fact.line})`,
        via: "default",
        environment,
        name: service.name,
      });
    }
  }
  return uses.length > 0 ? { uses, problems: [] } : { uses: [], problems: [], unclaimed: true };
}
