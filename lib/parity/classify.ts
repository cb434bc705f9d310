import { ENVIRONMENT_WORDS, ENVIRONMENT_WORD_RANK as WORD_RANK } from "./environment-words";
import { cachedGlobMatcher, globMatcher } from "./glob";
import type { Environment, ParityConfig } from "./types";
import { ENVIRONMENTS } from "./types";

/*
 * Classification by path (docs/parity-model.md section 1). Content-based classification is the
 * formats' job (ExtractResult.environment); the repository's `.parity.yml` overrides both.
 */

const CI_PATHS = globMatcher([
  // Everything under .github is CI's own: workflows, composite actions, and the infrastructure
  // CI runs on (`.github/terraform` state buckets), never the application's environments.
  ".github/**",
  ".gitlab-ci.yml",
  ".gitlab/ci/**",
  ".circleci/**",
  ".buildkite/**",
  "bitbucket-pipelines.yml",
  "azure-pipelines.yml",
  "**/Jenkinsfile",
  ".travis.yml",
]);

const DEV_PATHS = globMatcher([".devcontainer/**", "**/.devcontainer.json", ".gitpod.yml", "**/Procfile.dev"]);

const VERSION_FILES = new Set([
  ".nvmrc",
  ".node-version",
  ".tool-versions",
  ".python-version",
  ".ruby-version",
  ".java-version",
  ".go-version",
  ".sdkmanrc",
  ".bun-version",
  "rust-toolchain",
  "rust-toolchain.toml",
]);

/** Deploy-definition folders: whatever they hold is production unless a segment names another. */
const DEPLOY_DIRS = new Set([
  "k8s",
  ".k8s",
  "kubernetes",
  "kube",
  "deploy",
  "deployment",
  "deployments",
  "manifests",
  "helm",
  "charts",
  "chart",
  "kustomize",
  "overlays",
]);

const ROOT_PLATFORM_FILES = new Set(["app.json", "Procfile"]);
const PLATFORM_GLOBS = [
  "**/fly.toml",
  "**/fly.*.toml",
  "**/render.yaml",
  "**/render.yml",
  "**/heroku.yml",
  "**/railway.json",
  "**/railway.toml",
  "**/serverless.yml",
  "**/serverless.yaml",
  "**/*.tf",
  "**/*.tf.json",
  "**/app.yaml",
  "**/vercel.json",
  "**/netlify.toml",
  "**/Chart.yaml",
  "**/kustomization.yaml",
  "**/kustomization.yml",
];
const PLATFORM_FILES = globMatcher(PLATFORM_GLOBS);

/** The platform globs' last segments, tested on the file name before the full globs. */
const PLATFORM_NAMES = globMatcher(PLATFORM_GLOBS.map((glob) => glob.slice(glob.lastIndexOf("/") + 1)));

function isPlatformFile(path: string, name: string, atRoot: boolean): boolean {
  return (PLATFORM_NAMES(name) && PLATFORM_FILES(path)) || (atRoot && ROOT_PLATFORM_FILES.has(name));
}

const COMPOSE_FILE = /^(docker-)?compose([.\-_].*)?\.ya?ml$/i;
const DOCKERFILE = /^(dockerfile([.\-_].*)?|.+\.dockerfile)$/i;

type TokenEnv = Environment | null;

/** Environment named by a word in a path (`overlays/staging`, `values-dev.yaml`, `compose.test.yml`). */
function tokenEnvironment(tokens: readonly string[]): TokenEnv {
  return tokenWord(tokens)?.[0] ?? null;
}

/** The environment a word of the path names, with that word (the explanation quotes it). */
function tokenWord(tokens: readonly string[]): [Environment, string] | null {
  let best = ENVIRONMENT_WORDS.length;
  let word = "";
  for (const token of tokens) {
    const rank = WORD_RANK.get(token);
    if (rank !== undefined && rank < best) {
      best = rank;
      word = token;
    }
  }
  const environment = ENVIRONMENT_WORDS[best]?.[0];
  return environment ? [environment, word] : null;
}

function tokensOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function envFileEnvironment(name: string): TokenEnv {
  if (!/^\.env(\.|$)/i.test(name)) return null;
  const suffix = tokensOf(name.slice(4));
  if (suffix.length === 0) return "dev";
  return tokenEnvironment(suffix) ?? "dev";
}

/** Environments `.parity.yml` assigns to the path, or null when no glob names it. */
export function configuredEnvironments(path: string, config: ParityConfig | null): Environment[] | null {
  if (!config) return null;
  const matched = ENVIRONMENTS.filter((environment) => {
    const globs = config.environments[environment];
    return globs !== undefined && globs.length > 0 && cachedGlobMatcher(globs)(path);
  });
  return matched.length > 0 ? matched : null;
}

/** True when `.parity.yml` says to ignore the path. */
export function isIgnoredPath(path: string, config: ParityConfig | null): boolean {
  const globs = config?.environments.ignore;
  return globs !== undefined && globs.length > 0 && cachedGlobMatcher(globs)(path);
}

/** A path rule's answer: the environments and why (shown by `--explain`). */
export interface PathPlacement {
  environments: Environment[];
  reason: string;
}

/** Folders that hold examples and benchmarks: stacks that are neither the app's dev nor its prod. */
const IGNORED_DIRS = new Set(["example", "examples", "benchmark", "benchmarks"]);

/** Why the built-in rules leave the path out of every environment, or null. */
export function ignoredByRules(path: string): string | null {
  const dirs = path.split("/").slice(0, -1);
  const dir = dirs.find((segment) => IGNORED_DIRS.has(segment.toLowerCase()));
  return dir ? `ignored: under ${dir}/ (an example or benchmark, not the app's own environments)` : null;
}

function named([environment, word]: [Environment, string], what: string): PathPlacement {
  return { environments: [environment], reason: `${environment}: ${what} says "${word}"` };
}

/** Path rules only, without the repository's config, with their reason. Null when the path says nothing. */
export function placeByRules(path: string): PathPlacement | null {
  const name = basename(path);
  if (CI_PATHS(path)) return { environments: ["ci"], reason: "ci: a CI definition (CI path)" };
  if (DEV_PATHS(path)) return { environments: ["dev"], reason: "dev: a dev container or dev process file" };
  if (VERSION_FILES.has(name)) return { environments: ["dev"], reason: `dev: ${name} is a developer's version file` };
  const envFile = envFileEnvironment(name);
  if (envFile) {
    const word = tokenWord(tokensOf(name.slice(4)));
    return word ? named(word, "its name") : { environments: [envFile], reason: `${envFile}: a ${name} file` };
  }
  const isCompose = COMPOSE_FILE.test(name);
  if (isCompose || DOCKERFILE.test(name)) {
    // The folders count too (`docker/production/compose.yml`, `compose/local/django/Dockerfile`,
    // `tests/e2e/docker-compose.yml`); the word "dockerfile" itself names nothing.
    const byWords = tokenWord(tokensOf(path.replace(/dockerfile/gi, " ")));
    if (byWords) return named(byWords, "its path");
    // Compose files: the compose format decides by content and by who runs them. Dockerfiles: the
    // image a Dockerfile builds ships unless a dev stack is what builds it (the Dockerfile format).
    return isCompose
      ? { environments: ["dev"], reason: "dev: a compose file nothing else places (default)" }
      : { environments: ["prod"], reason: "prod: a Dockerfile builds the image that ships (default)" };
  }
  const dirs = path.split("/").slice(0, -1);
  const inDeployDir = dirs.some((dir) => DEPLOY_DIRS.has(dir.toLowerCase()));
  // The platform globs (`**/name`) are slow regexes: asked only when the folder did not decide,
  // and only for names they can match.
  if (inDeployDir || isPlatformFile(path, name, dirs.length === 0)) {
    // The tokens of every folder and the name are the path's own: `/` separates tokens too.
    const byWords = tokenWord(tokensOf(path));
    return byWords
      ? named(byWords, "a deploy definition whose path")
      : { environments: ["prod"], reason: "prod: a deploy or platform definition" };
  }
  return null;
}

/** Path rules only, without the repository's config. [] when the path says nothing. */
export function classifyByRules(path: string): Environment[] {
  return placeByRules(path)?.environments ?? [];
}

/**
 * The environments a file belongs to by its path: `.parity.yml` globs first (they replace the
 * rules), then the built-in rules. [] for ignored paths and for paths the rules do not name
 * (framework configs, manifests such as package.json: their formats say per use).
 */
export function classifyPath(path: string, config: ParityConfig | null): Environment[] {
  if (isIgnoredPath(path, config)) return [];
  return configuredEnvironments(path, config) ?? classifyByRules(path);
}
