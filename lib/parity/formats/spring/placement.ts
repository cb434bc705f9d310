import type { Environment, ExtractContext } from "../../types";
import { pathIndex } from "../shared/path-index";
import type { ConfigFile } from "./config-files";
import { relaxedKey, type SpringEntry } from "./entries";
import { placeholder } from "./facts";
import { conventionalEnvironment, deployActivations } from "./profiles";

/** Where the profiles of one resources folder run, and where its default profile runs. */
export interface Placement {
  environmentsOf(profile: string): Environment[];
  /** Environments the default profile runs in, before a profile replaces part of it. */
  defaultTargets: ReadonlySet<Environment>;
  /** Some profile placed in `environment` has an entry for which `matches` holds. */
  overridden(environment: Environment, matches: (entry: SpringEntry) => boolean): boolean;
  /** `src/test/resources/application.*` of the same module shadows the default profile in tests. */
  testShadowed: boolean;
}

/** Profiles `application.*` activates by default (`spring.profiles.active: ${PROFILE:dev}`). */
function defaultActivations(configs: readonly ConfigFile[]): Set<string> {
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

const DEFAULT_CONFIG = /\/application\.(properties|ya?ml)$/;

/** The test resources folder (`src/test/resources` of the module) holds a default `application.*`. */
export function testShadows(testResources: string | null, ctx: ExtractContext): boolean {
  if (testResources === null) return false;
  // The directory map is built anyway for sibling configs; `has` would spend its name scans here.
  return pathIndex(ctx.paths)
    .inDirectory(testResources)
    .some((path) => DEFAULT_CONFIG.test(path));
}

/**
 * `configs` are every config file of one `src/main/resources` folder. Profiles map to
 * environments by name, by the deploy files that activate them, and to dev when `application.*`
 * activates them. The default profile runs locally (dev), in tests unless the test resources
 * shadow it, and in each environment a profile is placed in.
 */
export function placement(configs: readonly ConfigFile[], ctx: ExtractContext, testShadowed: boolean): Placement {
  const activated = defaultActivations(configs);
  const deploys = deployActivations(ctx);
  const environmentsOf = (profile: string): Environment[] => {
    const set = new Set<Environment>(deploys.get(profile) ?? []);
    const conventional = conventionalEnvironment(profile);
    if (conventional) set.add(conventional);
    if (activated.has(profile)) set.add("dev");
    return [...set];
  };
  const profiles = new Set<string>();
  for (const config of configs) for (const entry of config.entries) if (entry.profile) profiles.add(entry.profile);
  const defaultTargets = new Set<Environment>(testShadowed ? ["dev"] : ["dev", "test"]);
  for (const profile of profiles) for (const environment of environmentsOf(profile)) defaultTargets.add(environment);
  const overridden = (environment: Environment, matches: (entry: SpringEntry) => boolean) =>
    [...profiles].some(
      (profile) =>
        environmentsOf(profile).includes(environment) &&
        configs.some((config) => config.entries.some((entry) => entry.profile === profile && matches(entry))),
    );
  return { environmentsOf, defaultTargets, overridden, testShadowed };
}
