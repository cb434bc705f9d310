import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile, Problem } from "../../types";
import { buildRuntimeUses } from "./build-runtime";
import { configFilesIn, readConfig, testResourcesOf } from "./config-files";
import { BUILD_FILE, extractEmbeddedDefault } from "./embedded-default";
import { groupOf, type SpringFact, springFacts } from "./facts";
import { placement, testShadows } from "./placement";

function parent(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function extractConfig(file: FormatFile, ctx: ExtractContext, problems: Problem[]): ExtractedUse[] {
  const config = readConfig(file.path, file.content, problems);
  if (!config) return [];
  const facts = springFacts(config.entries);
  if (/(^|\/)src\/test\//.test(file.path)) return facts.map((fact) => toUse(fact, "test"));
  // `classpath:/config/application-*.yml` is a standard location beside `classpath:/`.
  const dir = parent(file.path).replace(/\/config$/, "");
  const all = [config, ...configFilesIn(dir, ctx, file.path)];
  const place = placement(all, ctx, testShadows(testResourcesOf(dir), ctx));
  const uses: ExtractedUse[] = [];
  for (const fact of facts) {
    if (fact.profile !== null) {
      // A profile nothing activates and no environment is named after (`mysql` beside the
      // default H2) is an option the app offers, not what any environment runs.
      for (const environment of place.environmentsOf(fact.profile)) uses.push(toUse(fact, environment));
      continue;
    }
    // A profile that sets any key of the fact's group replaces the group where it runs.
    for (const environment of place.defaultTargets) {
      if (!place.overridden(environment, (entry) => groupOf(entry.key) === fact.group)) {
        uses.push(toUse(fact, environment));
      }
    }
  }
  return uses;
}

export function extractSpring(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const problems: Problem[] = [];
  try {
    if (BUILD_FILE.test(file.path)) {
      const result = extractEmbeddedDefault(file, ctx);
      return { ...result, uses: [...result.uses, ...buildRuntimeUses(file.path, file.content)] };
    }
    return { uses: extractConfig(file, ctx, problems), problems };
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
