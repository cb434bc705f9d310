import { classifyPath } from "../../classify";
import type { Environment, ExtractContext } from "../../types";
import { COMPOSE_NAME } from "../compose/extract";
import { loadCompose } from "../compose/model";
import { composeRole } from "../compose/role";
import { pathEnvironment } from "../compose/words";
import { pathIndex } from "../shared/path-index";

/**
 * Where a deployment sets an environment variable the settings branch on (`DB=postgres`,
 * `DATABASE_URL: postgres://...`): compose `environment:`, Dockerfile `ENV`, Kubernetes env,
 * workflow `env:` and environment-named `.env.*` files, read as text (they belong to other
 * formats). The file's environment is the path rules' one, or for a compose file whose path names
 * none, the one its content and runners give it (a self-hosting stack is prod). Templates (`.env.example`,
 * `.env.sample`) document variables; they set nothing, so they are not read.
 */
export const SELECTOR_GLOBS = [
  "**/Dockerfile",
  "**/Dockerfile.*",
  "**/*.Dockerfile",
  "**/docker-compose*.{yml,yaml}",
  "**/compose*.{yml,yaml}",
  "**/{k8s,kubernetes,deploy,deployment,deployments,manifests,helm,charts}/**/*.{yml,yaml}",
  ".github/workflows/*.{yml,yaml}",
  "**/.env.*",
  "**/fly.toml",
  "**/render.yaml",
  "**/app.json",
];

export interface SelectorSetting {
  environment: Environment;
  value: string;
  file: string;
}

const FILES =
  /(^|\/)(Dockerfile([.-][^/]*)?|[^/]*\.Dockerfile|(docker-)?compose[^/]*\.ya?ml|\.env\.[^/]+|fly\.toml|render\.yaml|app\.json)$|(^|\/)(k8s|kubernetes|deploy|deployment|deployments|manifests|helm|charts)\/.*\.ya?ml$|^\.github\/workflows\/[^/]+\.ya?ml$/;
const TEMPLATE = /\.env\.(example|sample|template|dist|defaults?)$|\.example$/;

/** `KEY=value`, `KEY: value`, `- KEY=value`, `ENV KEY value`; a Kubernetes `name: KEY` + `value:`. */
const INLINE = /^\s*(?:-\s*|ENV\s+|export\s+)?["']?([A-Z][A-Z0-9_]*)["']?\s*(?:[:=]|\s)\s*["']?([^"'\s#]*)/;

const cache = new WeakMap<readonly string[], Map<string, SelectorSetting[]>>();

/** Every environment variable a deploy or environment file sets, with its value and environment. */
export function deploySelectors(ctx: ExtractContext): Map<string, SelectorSetting[]> {
  const cached = cache.get(ctx.paths);
  if (cached) return cached;
  const result = new Map<string, SelectorSetting[]>();
  const files = pathIndex(ctx.paths).select(
    "django:selector-files",
    (path) => FILES.test(path) && !TEMPLATE.test(path),
  );
  for (const file of files) {
    const content = ctx.readFile(file);
    if (!content) continue;
    const environments = fileEnvironments(file, content, ctx);
    if (environments.length === 0) continue;
    const lines = content.split("\n");
    lines.forEach((text, index) => {
      if (/^\s*#/.test(text)) return;
      let key: string | undefined;
      let value: string | undefined;
      const named = /^\s*-?\s*name:\s*["']?([A-Z][A-Z0-9_]*)["']?\s*$/.exec(text);
      if (named) {
        key = named[1];
        value = /^\s*value:\s*["']?([^"'\s#]*)/.exec(lines[index + 1] ?? "")?.[1];
      } else {
        const inline = INLINE.exec(text);
        key = inline?.[1];
        value = inline?.[2];
      }
      if (!key || value === undefined || value === "" || value.startsWith("${{")) return;
      const list = result.get(key) ?? [];
      for (const environment of environments) list.push({ environment, value, file });
      result.set(key, list);
    });
  }
  cache.set(ctx.paths, result);
  return result;
}

/** The path rules' environments, or a compose file's role when its path names no environment. */
function fileEnvironments(file: string, content: string, ctx: ExtractContext): Environment[] {
  const name = file.slice(file.lastIndexOf("/") + 1);
  if (COMPOSE_NAME.test(name) && !pathEnvironment(file) && classifyPath(file, null).length > 0) {
    const role = composeRole(file, loadCompose(file, content, ctx), ctx, content).environment;
    if (role) return [role];
  }
  return classifyPath(file, null);
}

/**
 * Environments whose deploy files set one of `selectors` (to `value`, when the condition compares
 * it; a URL selector matches by scheme), with the files that say so.
 */
export function selectorEnvironments(
  ctx: ExtractContext,
  selectors: readonly string[],
  value: string | null,
): Map<Environment, string[]> {
  const settings = deploySelectors(ctx);
  const result = new Map<Environment, string[]>();
  for (const selector of selectors) {
    for (const setting of settings.get(selector) ?? []) {
      if (value !== null && setting.value.toLowerCase() !== value.toLowerCase()) continue;
      const files = result.get(setting.environment) ?? [];
      if (!files.includes(setting.file)) files.push(setting.file);
      result.set(setting.environment, files);
    }
  }
  return result;
}
