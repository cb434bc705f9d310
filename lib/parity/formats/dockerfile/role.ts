import type { Environment, ExtractContext } from "../../types";
import { COMPOSE_NAME } from "../compose/extract";
import { loadCompose } from "../compose/model";
import { composeRole } from "../compose/role";
import { pathEnvironment } from "../compose/words";
import { pathIndex } from "../shared/path-index";
import { basename } from "../shared/paths";

/**
 * The environment a Dockerfile serves, when its content or its builders say more than the path
 * rule's default (prod: the image a Dockerfile builds ships):
 *
 * - its header says it is for development (`# for development purposes only`);
 * - or only development or test stacks build it: every compose file that builds it (its last
 *   stage, no other `target:`) is a dev/test/CI stack;
 *
 * unless CI publishes it (a workflow that builds or pushes images names the Dockerfile), which
 * makes it the shipped image whatever its header says. Words in the path (`Dockerfile.dev`,
 * `compose/local/…`, `tests/…`) are the path rules' and are not overridden here.
 */
export interface DockerfileRole {
  environment?: Environment;
  reason?: string;
}

const DEV_HEADER =
  /\b(for|only for)\s+(local\s+)?(development|dev)\b|\b(development|dev)\s+(purposes?|only|use)\b|\blocal development\b/i;

export function dockerfileRole(
  path: string,
  content: string,
  lastStage: string | null,
  ctx: ExtractContext,
): DockerfileRole {
  if (pathEnvironment(path)) return {};
  const header = headerComment(content);
  const devHeader = DEV_HEADER.exec(header);
  const builders = buildersOf(path, lastStage, ctx);
  const published = publishedByCi(path, ctx);
  if (published) return {};
  if (devHeader) return { environment: "dev", reason: `its header says "${devHeader[0]}"` };
  // Where the repository deploys (a chart, a platform file, a production compose file), its
  // images ship from somewhere the files may not show: who else builds them says nothing then.
  if (builders.length === 0 || deploysSomewhere(ctx)) return {};
  const environments = builders.map((builder) => builder.environment);
  if (environments.includes("prod") || environments.includes("staging")) return {};
  const first = (["dev", "test", "ci"] as const).find((environment) => environments.includes(environment));
  const builder = builders.find((candidate) => candidate.environment === first);
  if (!first || !builder) return {};
  return {
    environment: first,
    reason: `built only by ${first} stacks (${builder.compose} service ${builder.service}); no CI workflow publishes it`,
  };
}

/** The comment lines at the top of the file, joined. */
function headerComment(content: string): string {
  const lines: string[] = [];
  for (const line of content.split("\n", 40)) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    if (!trimmed.startsWith("#")) break;
    lines.push(trimmed.replace(/^#+\s*/, ""));
  }
  return lines.join(" ");
}

export interface Builder {
  compose: string;
  service: string;
  environment: Environment;
  target?: string;
}

const builderCache = new WeakMap<readonly string[], Map<string, Builder[]>>();

/** Compose services that build each Dockerfile (its final stage), with their file's environment. */
export function buildersOf(path: string, lastStage: string | null, ctx: ExtractContext): Builder[] {
  let index = builderCache.get(ctx.paths);
  if (!index) {
    index = new Map();
    const composeFiles = pathIndex(ctx.paths).select(
      "compose:main-files",
      (other) => COMPOSE_NAME.test(basename(other)),
      "l",
    );
    for (const compose of composeFiles) {
      const text = ctx.readFile(compose);
      if (text === undefined || !text.includes("build")) continue;
      const model = loadCompose(compose, text, ctx);
      const environment = composeRole(compose, model, ctx, text).environment ?? pathEnvironment(compose)?.[0] ?? "dev";
      for (const service of model.services) {
        if (!service.buildFile) continue;
        const entry: Builder = { compose, service: service.name, environment };
        if (service.buildTarget) entry.target = service.buildTarget;
        const list = index.get(service.buildFile);
        if (list) list.push(entry);
        else index.set(service.buildFile, [entry]);
      }
    }
    builderCache.set(ctx.paths, index);
  }
  // A build of another stage (`target: dev`) says nothing about the final stage that ships.
  return (index.get(path) ?? []).filter((builder) => {
    const target = builder.target;
    return target === undefined || (lastStage !== null && target.toLowerCase() === lastStage.toLowerCase());
  });
}

const DEPLOY_PATH =
  /(^|\/)(k8s|\.k8s|kubernetes|kube|deploy|deployment|deployments|manifests|helm|charts?|kustomize|overlays)\/|(^|\/)(fly(\.[^/]+)?\.toml|render\.ya?ml|heroku\.yml|railway\.(json|toml)|serverless\.ya?ml|app\.yaml|Chart\.yaml|kustomization\.ya?ml|[^/]+\.tf)$|^(app\.json|Procfile)$/;

const deployCache = new WeakMap<readonly string[], boolean>();

/** The repository has a deploy definition, or a compose file that is production. */
function deploysSomewhere(ctx: ExtractContext): boolean {
  let answer = deployCache.get(ctx.paths);
  if (answer === undefined) {
    answer = ctx.paths.some((path) => DEPLOY_PATH.test(path) && !path.startsWith(".github/"));
    if (!answer) {
      const composeFiles = pathIndex(ctx.paths).select(
        "compose:main-files",
        (other) => COMPOSE_NAME.test(basename(other)),
        "l",
      );
      answer = composeFiles.some((compose) => {
        if (pathEnvironment(compose)) return pathEnvironment(compose)?.[0] === "prod";
        const text = ctx.readFile(compose);
        return (
          text !== undefined && composeRole(compose, loadCompose(compose, text, ctx), ctx, text).environment === "prod"
        );
      });
    }
    deployCache.set(ctx.paths, answer);
  }
  return answer;
}

const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$|^\.gitlab-ci\.yml$/;
const IMAGE_BUILD = /docker\/build-push-action|docker\s+(buildx\s+)?build\b|docker\s+push\b|kaniko|buildah\s+bud/;

const imageWorkflows = new WeakMap<ExtractContext, string[]>();

/** The text of each CI workflow that builds or pushes images, read once per extract context. */
function imageBuildingWorkflows(ctx: ExtractContext): string[] {
  let texts = imageWorkflows.get(ctx);
  if (!texts) {
    texts = [];
    const workflows = pathIndex(ctx.paths).select("dockerfile:workflows", (other) => WORKFLOW.test(other), "l");
    for (const workflow of workflows) {
      const text = ctx.readFile(workflow);
      if (text !== undefined && IMAGE_BUILD.test(text)) texts.push(text);
    }
    imageWorkflows.set(ctx, texts);
  }
  return texts;
}

/** A CI workflow that builds or pushes images names this Dockerfile (or builds the root one by default). */
function publishedByCi(path: string, ctx: ExtractContext): boolean {
  for (const text of imageBuildingWorkflows(ctx)) {
    if (text.includes(path)) return true;
    // The root Dockerfile is what `docker build .` and build-push-action build without `file:`.
    if (path === "Dockerfile" && !/^\s*(file|dockerfile)\s*:/m.test(text) && !/\s-f\s/.test(text)) return true;
  }
  return false;
}
