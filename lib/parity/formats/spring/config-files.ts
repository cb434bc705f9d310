import type { ExtractContext, Problem } from "../../types";
import { pathIndex } from "../shared/path-index";
import { propertiesEntries, type SpringEntry, yamlEntries } from "./entries";

export const CONFIG_FILE = /(^|\/)application(?:-([A-Za-z0-9_.-]+))?\.(properties|ya?ml)$/;

export interface ConfigFile {
  path: string;
  /** Profile from the file name (`application-prod.yml`), null for `application.yml`. */
  profile: string | null;
  entries: SpringEntry[];
}

export function readConfig(path: string, content: string, problems: Problem[]): ConfigFile | null {
  const match = CONFIG_FILE.exec(path);
  if (!match) return null;
  const raw = match[3] === "properties" ? propertiesEntries(content) : yamlEntries(content, problems);
  const profile = match[2] ?? null;
  // A profile-specific file's documents belong to its profile unless they activate another one.
  const entries = raw.map((entry) => ({ ...entry, profile: entry.profile ?? profile }));
  return { path, profile, entries };
}

/**
 * The config files of a resources folder `dir` (no trailing slash) and of its `config/` folder
 * (Spring Boot reads both `classpath:/` and `classpath:/config/`), all profiles, except `skip`.
 */
export function configFilesIn(dir: string, ctx: ExtractContext, skip?: string): ConfigFile[] {
  const result: ConfigFile[] = [];
  const index = pathIndex(ctx.paths);
  for (const path of [...index.inDirectory(dir), ...index.inDirectory(`${dir}/config`)]) {
    if (path === skip || !CONFIG_FILE.test(path)) continue;
    const content = ctx.readFile(path);
    // Problems of siblings are reported when the sibling itself is extracted.
    const config = content === undefined ? null : readConfig(path, content, []);
    if (config) result.push(config);
  }
  return result;
}

/** `src/main/resources` -> the `src/test/resources` beside it (same module), else null. */
export function testResourcesOf(mainResources: string): string | null {
  return /(^|\/)src\/main\/resources$/.test(mainResources)
    ? mainResources.replace(/src\/main\/resources$/, "src/test/resources")
    : null;
}
