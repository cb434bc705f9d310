import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile, Problem } from "../../types";
import { pathIndex } from "../path-index";
import { propertiesEntries, relaxedKey, type SpringEntry, yamlEntries } from "./entries";
import { groupOf, placeholder, type SpringFact, type SpringGroup, springFacts } from "./facts";
import { conventionalEnvironment, deployActivations } from "./profiles";

const CONFIG_FILE = /(^|\/)application(?:-([A-Za-z0-9_.-]+))?\.(properties|ya?ml)$/;

interface ConfigFile {
  path: string;
  /** Profile from the file name (`application-prod.yml`), null for `application.yml`. */
  profile: string | null;
  entries: SpringEntry[];
}

function readConfig(path: string, content: string, problems: Problem[]): ConfigFile | null {
  const match = CONFIG_FILE.exec(path);
  if (!match) return null;
  const raw = match[3] === "properties" ? propertiesEntries(content) : yamlEntries(content, problems);
  const profile = match[2] ?? null;
  // A profile-specific file's documents belong to its profile unless they activate another one.
  const entries = raw.map((entry) => ({ ...entry, profile: entry.profile ?? profile }));
  return { path, profile, entries };
}

function directory(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/** Sibling config files of the same resources folder (all profiles). */
function siblings(file: FormatFile, ctx: ExtractContext): ConfigFile[] {
  const dir = directory(file.path);
  const result: ConfigFile[] = [];
  for (const path of pathIndex(ctx.paths).inDirectory(dir.replace(/\/$/, ""))) {
    if (path === file.path || !CONFIG_FILE.test(path)) continue;
    const content = ctx.readFile(path);
    const config = content === undefined ? null : readConfig(path, content, []);
    if (config) result.push(config);
  }
  return result;
}

/** Profiles `application.*` activates by default (`spring.profiles.active: ${PROFILE:dev}`). */
function defaultActivations(configs: ConfigFile[]): Set<string> {
  const key = relaxedKey("spring.profiles.active");
  const result = new Set<string>();
  for (const config of configs) {
    for (const entry of config.entries) {
      if (entry.profile !== null || !entry.key.startsWith(key)) continue;
      const { text } = placeholder(entry.value);
      for (const profile of (text ?? "").split(/[,\s]+/).filter(Boolean)) result.add(profile);
    }
  }
  return result;
}

export function extractSpring(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const problems: Problem[] = [];
  try {
    const config = readConfig(file.path, file.content, problems);
    if (!config) return { uses: [], problems };
    const facts = springFacts(config.entries);
    if (/(^|\/)src\/test\//.test(file.path)) {
      return { uses: facts.map((fact) => toUse(fact, "test")), problems };
    }
    const all = [config, ...siblings(file, ctx)];
    const activated = defaultActivations(all);
    const deploys = deployActivations(ctx);
    const environmentsOf = (profile: string): Environment[] => {
      const set = new Set<Environment>(deploys.get(profile) ?? []);
      const conventional = conventionalEnvironment(profile);
      if (conventional) set.add(conventional);
      if (activated.has(profile)) set.add("dev");
      return [...set];
    };
    const profiles = new Set(
      all.flatMap((c) => c.entries.map((e) => e.profile)).filter((p): p is string => p !== null),
    );
    const overrides = (environment: Environment, group: SpringGroup) =>
      [...profiles].some(
        (profile) =>
          environmentsOf(profile).includes(environment) &&
          all.some((c) => c.entries.some((e) => e.profile === profile && groupOf(e.key) === group)),
      );
    // The default profile runs wherever no profile replaces it: locally (dev), in tests unless
    // src/test/resources shadows application.*, and in each environment a profile is placed in.
    const testShadowed = ctx.paths.some((p) => /(^|\/)src\/test\/resources\/application\.(properties|ya?ml)$/.test(p));
    const defaultTargets = new Set<Environment>(testShadowed ? ["dev"] : ["dev", "test"]);
    for (const profile of profiles) for (const env of environmentsOf(profile)) defaultTargets.add(env);

    const uses: ExtractedUse[] = [];
    for (const fact of facts) {
      if (fact.profile !== null) {
        const environments = environmentsOf(fact.profile);
        if (environments.length === 0) uses.push(toUse(fact, undefined));
        for (const environment of environments) uses.push(toUse(fact, environment));
        continue;
      }
      for (const environment of defaultTargets) {
        if (!overrides(environment, fact.group)) uses.push(toUse(fact, environment));
      }
    }
    return { uses, problems };
  } catch (error) {
    problems.push({
      type: "parse-error",
      line: 1,
      message: `could not read Spring config: ${String(error).slice(0, 120)}`,
    });
    return { uses: [], problems };
  }
}

function toUse(fact: SpringFact, environment: Environment | undefined): ExtractedUse {
  return {
    kind: fact.kind,
    engine: fact.engine,
    version: fact.version,
    pinned: null,
    line: fact.line,
    raw: fact.raw,
    via: fact.via,
    ...(environment ? { environment } : {}),
    name: fact.profile ? `profile ${fact.profile}` : "default profile",
  };
}
