import { cachedGlobMatcher, globMatcher } from "../glob";
import type { Environment, ParityConfig } from "../types";
import { ENVIRONMENTS } from "../types";

/*
 * Classification by path (docs/parity-model.md section 1). Content-based classification is the
 * formats' job (ExtractResult.environment); the repository's `.parity.yml` overrides both.
 */

const CI_PATHS = globMatcher([
  ".github/workflows/**",
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

/** Words that name an environment, by precedence: a path with words of two groups gets the first. */
const ENVIRONMENT_WORDS: readonly (readonly [Environment, readonly string[]])[] = [
  ["prod", ["prod", "production", "prd", "live"]],
  ["staging", ["staging", "stage", "stg", "preprod", "uat", "qa"]],
  ["test", ["test", "tests", "testing", "e2e"]],
  ["ci", ["ci"]],
  ["dev", ["dev", "development", "local", "override"]],
];

/** Each word's group (its index above): one lookup per token, called for every file placed. */
const WORD_RANK = new Map<string, number>(
  ENVIRONMENT_WORDS.flatMap(([, words], rank) => words.map((word): [string, number] => [word, rank])),
);

/** Environment named by a word in a path (`overlays/staging`, `values-dev.yaml`, `compose.test.yml`). */
function tokenEnvironment(tokens: readonly string[]): TokenEnv {
  let best = ENVIRONMENT_WORDS.length;
  for (const token of tokens) {
    const rank = WORD_RANK.get(token);
    if (rank !== undefined && rank < best) best = rank;
  }
  return ENVIRONMENT_WORDS[best]?.[0] ?? null;
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

/** Path rules only, without the repository's config. [] when the path says nothing. */
export function classifyByRules(path: string): Environment[] {
  const name = basename(path);
  if (CI_PATHS(path)) return ["ci"];
  if (DEV_PATHS(path)) return ["dev"];
  if (VERSION_FILES.has(name)) return ["dev"];
  const envFile = envFileEnvironment(name);
  if (envFile) return [envFile];
  if (COMPOSE_FILE.test(name)) return [tokenEnvironment(tokensOf(name)) ?? "dev"];
  if (DOCKERFILE.test(name)) {
    // The Dockerfile format picks the runtime stage; a name like Dockerfile.dev says otherwise.
    return [tokenEnvironment(tokensOf(name.replace(/dockerfile/i, ""))) ?? "prod"];
  }
  const dirs = path.split("/").slice(0, -1);
  const inDeployDir = dirs.some((dir) => DEPLOY_DIRS.has(dir.toLowerCase()));
  // The platform globs (`**/name`) are slow regexes: asked only when the folder did not decide,
  // and only for names they can match.
  if (inDeployDir || isPlatformFile(path, name, dirs.length === 0)) {
    // The tokens of every folder and the name are the path's own: `/` separates tokens too.
    return [tokenEnvironment(tokensOf(path)) ?? "prod"];
  }
  return [];
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
