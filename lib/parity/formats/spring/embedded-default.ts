import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { pathIndex } from "../shared/path-index";
import { type BuildDependency, gradleDependencies, mavenDependencies } from "./build-dependencies";
import { configFilesIn, testResourcesOf } from "./config-files";
import { relaxedKey, type SpringEntry } from "./entries";
import { placement, testShadows } from "./placement";
import { deployDatasourceEnvironments } from "./profiles";
import { nearestVersionCatalog } from "./version-catalog";

export const BUILD_FILE = /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/;

/**
 * Embedded databases Spring Boot configures when nothing sets a datasource URL, in the order it
 * tries their drivers (`EmbeddedDatabaseConnection`: H2, Derby, HSQLDB). The catalog knows H2;
 * Derby and HSQLDB are in-memory stand-ins there (the raw text names them).
 */
const EMBEDDED: readonly { group: string; artifacts: readonly string[]; engine: string }[] = [
  { group: "com.h2database", artifacts: ["h2"], engine: "h2" },
  { group: "io.r2dbc", artifacts: ["r2dbc-h2"], engine: "h2" },
  { group: "org.apache.derby", artifacts: ["derby", "derbytools"], engine: "in-memory" },
  { group: "org.hsqldb", artifacts: ["hsqldb"], engine: "in-memory" },
  { group: "hsqldb", artifacts: ["hsqldb"], engine: "in-memory" },
];

/** Keys that give Spring Boot a database, so it configures no embedded one (even `${DB_URL}`). */
const URL_KEYS = new Set(["spring.datasource.url", "spring.datasource.jdbc-url", "spring.r2dbc.url"].map(relaxedKey));
const EXCLUDE_KEY = relaxedKey("spring.autoconfigure.exclude");

function setsDatabase(entry: SpringEntry): boolean {
  if (URL_KEYS.has(entry.key)) return true;
  // Excluding the auto-configuration (`spring.autoconfigure.exclude[0]: ...DataSourceAutoConfiguration`).
  return entry.key.startsWith(EXCLUDE_KEY) && /DataSourceAutoConfiguration|R2dbcAutoConfiguration/.test(entry.value);
}

/** The embedded database Spring Boot would pick from `dependencies` (first driver it finds). */
function embeddedOf(dependencies: readonly BuildDependency[]): { dependency: BuildDependency; engine: string } | null {
  for (const candidate of EMBEDDED) {
    const dependency = dependencies.find(
      (d) => d.group === candidate.group && candidate.artifacts.includes(d.artifact),
    );
    if (dependency) return { dependency, engine: candidate.engine };
  }
  return null;
}

/** Without any `application.*`, only a Spring Boot module with its own sources is an app. */
function isBootApp(file: FormatFile, root: string, ctx: ExtractContext): boolean {
  if (!file.content.includes("org.springframework.boot")) return false;
  const sources = pathIndex(ctx.paths).select(
    "spring:jvm-main-sources",
    (path) => /(^|\/)src\/main\/(java|kotlin|groovy)\//.test(path),
    "aty",
  );
  return sources.some((path) => path.startsWith(`${root}src/main/`));
}

/**
 * A build file (`pom.xml`, `build.gradle[.kts]`) next to `src/main/resources`: when it puts an
 * embedded database on the app's classpath and no default config sets a datasource URL, Spring
 * Boot runs that database in memory. The fact sits on the dependency's line (`via: default`),
 * placed where the default profile runs and no profile or deploy file sets a URL.
 */
export function extractEmbeddedDefault(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const none: ExtractResult = { uses: [], problems: [] };
  const root = file.path.slice(0, file.path.lastIndexOf("/") + 1);
  const dependencies = file.path.endsWith("pom.xml")
    ? mavenDependencies(file.content)
    : gradleDependencies(file.content, file.content.includes("libs.") ? nearestVersionCatalog(root, ctx) : undefined);
  const runtime = embeddedOf(dependencies.filter((d) => d.classpath === "runtime"));
  const local = embeddedOf(dependencies.filter((d) => d.classpath === "runtime" || d.classpath === "development"));
  if (!local) return none;

  const resources = `${root}src/main/resources`;
  const configs = configFilesIn(resources, ctx);
  if (configs.length === 0 && !isBootApp(file, root, ctx)) return none;
  const defaults = configs.flatMap((config) => config.entries.filter((entry) => entry.profile === null));
  if (defaults.some(setsDatabase)) return none;

  const testResources = testResourcesOf(resources);
  const shadowed = testShadows(testResources, ctx);
  const place = placement(configs, ctx, shadowed);
  const targets = new Set(place.defaultTargets);
  // Tests read src/test/resources first: a URL there (any profile) gives tests a database; an
  // application.* there without one shadows the main config and leaves tests on the default.
  const testConfigs = testResources ? configFilesIn(testResources, ctx) : [];
  if (testConfigs.some((config) => config.entries.some(setsDatabase))) targets.delete("test");
  else if (shadowed) targets.add("test");
  const deploySet = deployDatasourceEnvironments(ctx);
  const uses: ExtractedUse[] = [];
  for (const environment of targets) {
    const found = environment === "dev" ? local : runtime;
    if (!found || deploySet.has(environment) || place.overridden(environment, setsDatabase)) continue;
    uses.push(toUse(found.dependency, found.engine, environment));
  }
  return { uses, problems: [] };
}

function toUse(dependency: BuildDependency, engine: string, environment: Environment): ExtractedUse {
  return {
    kind: "database",
    engine,
    version: null,
    pinned: null,
    line: dependency.line,
    raw: `dependency ${dependency.group}:${dependency.artifact} (Spring Boot embedded default: no spring.datasource.url)`,
    via: "default",
    environment,
    name: "embedded database",
  };
}
