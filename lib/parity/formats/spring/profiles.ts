import type { Environment, ExtractContext } from "../../types";
import { pathIndex } from "../shared/path-index";

/** Conventional profile names to environments. Other names need an activation to place them. */
const PROFILE_ENVIRONMENTS: Record<string, Environment> = {
  dev: "dev",
  development: "dev",
  local: "dev",
  test: "test",
  testing: "test",
  it: "test",
  ci: "ci",
  staging: "staging",
  stage: "staging",
  prod: "prod",
  production: "prod",
};

export function conventionalEnvironment(profile: string): Environment | null {
  return PROFILE_ENVIRONMENTS[profile.toLowerCase()] ?? null;
}

/** Deploy and dev files that may set `SPRING_PROFILES_ACTIVE`, and the environment each runs. */
export const DEPLOY_GLOBS = [
  "**/Dockerfile",
  "**/*.Dockerfile",
  "**/docker-compose*.{yml,yaml}",
  "**/compose*.{yml,yaml}",
  "**/k8s/**/*.{yml,yaml}",
  "**/deploy/**/*.{yml,yaml}",
  "**/manifests/**/*.{yml,yaml}",
  ".github/workflows/*.{yml,yaml}",
];

function deployEnvironment(path: string): Environment | null {
  const lower = path.toLowerCase();
  const base = lower.slice(lower.lastIndexOf("/") + 1);
  if (lower.startsWith(".github/workflows/")) return "ci";
  if (/staging|stage/.test(lower)) return "staging";
  if (base.includes("compose")) {
    if (/prod/.test(base)) return "prod";
    if (/test|ci/.test(base)) return "test";
    return "dev";
  }
  if (base === "dockerfile" || base.endsWith(".dockerfile")) return /dev/.test(base) ? "dev" : "prod";
  if (/(^|\/)(k8s|deploy|manifests)\//.test(lower)) return "prod";
  return null;
}

function deployFiles(ctx: ExtractContext): readonly string[] {
  return pathIndex(ctx.paths).select("spring:deploy-files", (candidate) => deployEnvironment(candidate) !== null);
}

const INLINE = /SPRING_PROFILES_ACTIVE["']?\s*[:=]\s*["']?([A-Za-z0-9_,\- ]+)/;
const SYSTEM_PROPERTY = /spring\.profiles\.active=["']?([A-Za-z0-9_,-]+)/;

/** Profiles each deploy file activates (read as text: these files belong to other formats). */
export function deployActivations(ctx: ExtractContext): Map<string, Set<Environment>> {
  const result = new Map<string, Set<Environment>>();
  const add = (list: string, environment: Environment) => {
    for (const profile of list.split(/[,\s]+/).filter(Boolean)) {
      const set = result.get(profile) ?? new Set<Environment>();
      set.add(environment);
      result.set(profile, set);
    }
  };
  for (const path of deployFiles(ctx)) {
    const environment = deployEnvironment(path);
    if (!environment) continue;
    const content = ctx.readFile(path);
    if (!content || !/SPRING_PROFILES_ACTIVE|spring\.profiles\.active/.test(content)) continue;
    const lines = content.split(/\r?\n/);
    lines.forEach((text, index) => {
      const inline = INLINE.exec(text) ?? SYSTEM_PROPERTY.exec(text);
      if (inline?.[1]) {
        add(inline[1], environment);
        return;
      }
      // Kubernetes: `- name: SPRING_PROFILES_ACTIVE` then `value: prod` on the next line.
      if (/name:\s*["']?SPRING_PROFILES_ACTIVE/.test(text)) {
        const value = /value:\s*["']?([A-Za-z0-9_,-]+)/.exec(lines[index + 1] ?? "");
        if (value?.[1]) add(value[1], environment);
      }
    });
  }
  return result;
}

/** Deploy files setting the datasource themselves (`SPRING_DATASOURCE_URL`, `-Dspring.datasource.url=`). */
const DATASOURCE_SETTING =
  /SPRING_DATASOURCE_(?:JDBC_?)?URL|SPRING_R2DBC_URL|spring\.datasource\.(?:jdbc-?)?url|spring\.r2dbc\.url/i;

/** Environments whose deploy files give the app a datasource URL (not a comment line). */
export function deployDatasourceEnvironments(ctx: ExtractContext): Set<Environment> {
  const result = new Set<Environment>();
  for (const path of deployFiles(ctx)) {
    const environment = deployEnvironment(path);
    const content = environment ? ctx.readFile(path) : undefined;
    if (!environment || !content || !DATASOURCE_SETTING.test(content)) continue;
    if (content.split("\n").some((line) => DATASOURCE_SETTING.test(line) && !/^\s*#/.test(line))) {
      result.add(environment);
    }
  }
  return result;
}
