import { parseImageRef, resolveImage } from "../../catalog";
import type { Environment, ExtractContext } from "../../types";
import { isApplicationImage, isOwnImage, repositoryNames } from "../shared/own-image";
import { basename, dirname, joinComposePath } from "../shared/paths";
import { type ComposeModel, loadCompose } from "./model";
import { DEFAULT_COMPOSE, type Runner, runnersOf } from "./runners";
import { pathEnvironment } from "./words";

/**
 * The environment a compose file serves (docs/parity-model.md §1), decided from what it runs and
 * who runs it, never from one key alone:
 *
 * 1. its path's words (`docker/production/compose.yml`, `tests/e2e/docker-compose.yml`): the
 *    path rules place it, nothing here overrides them;
 * 2. who runs it, when a developer's or the tests' command does (`npm run db:up`, `make start`,
 *    a dev container's `dockerComposeFile`, a "Development" README section);
 * 3. what it runs: the application's own published image and no `build:` of the source is a
 *    self-hosting definition (prod); a build of a Dockerfile whose name says prod likewise;
 * 4. who runs it otherwise: a self-hosting README section (prod), or CI alone (ci);
 * 5. else the path rules' default (dev).
 */
export interface ComposeRole {
  environment?: Environment;
  /** Why, for `--explain`. */
  reason?: string;
  /** The base file this one overrides (`docker-compose.dev.yml` over `docker-compose.yml`). */
  overrides?: string;
}

export function composeRole(path: string, model: ComposeModel, ctx: ExtractContext, content?: string): ComposeRole {
  const overrides = overriddenBase(path, model, ctx);
  const named = pathEnvironment(path);
  if (named) return overrides ? { overrides } : {};
  const runners = runnersOf(path, ctx).filter((runner) => runner.file !== path);
  const by = (environment: Environment) => runners.find((runner) => runner.environment === environment);
  const result = (environment: Environment, reason: string): ComposeRole => ({
    environment,
    reason,
    ...(overrides ? { overrides } : {}),
  });
  // What the file says about itself in its header comment (`# Local development stack`).
  const header = content === undefined ? null : headerEnvironment(content);
  if (header) return result(header[0], `its header says "${header[1]}"`);
  const dev = by("dev");
  if (dev) return result("dev", ranBy(dev));
  const test = by("test");
  if (test) return result("test", ranBy(test));
  const published = publishedApp(model, ctx);
  if (published) return result("prod", `runs the published image ${published} with no build of the source`);
  const offered = content === undefined ? null : offeredPublishedImage(model, content, ctx);
  if (offered)
    return result("prod", `builds the source or, as its comment offers, runs the published image ${offered}`);
  const prodBuild = model.services.find(
    (service) => service.buildFile && pathEnvironment(service.buildFile)?.[0] === "prod",
  );
  if (prodBuild?.buildFile) return result("prod", `builds ${prodBuild.buildFile}, a production image`);
  const prod = by("prod");
  if (prod) return result("prod", ranBy(prod));
  const ci = by("ci");
  if (ci && runners.every((runner) => runner.environment === "ci")) {
    return result("ci", `started only by CI (${ci.file}:${ci.line})`);
  }
  if (model.services.some((service) => service.build)) {
    return { reason: "builds the source: a developer's stack (default)", ...(overrides ? { overrides } : {}) };
  }
  return overrides ? { overrides } : {};
}

const HEADER_DEV =
  /\b(local\s+development|for\s+(local\s+)?development|development\s+(only|stack|environment|purposes?))\b/i;
const HEADER_PROD = /\bself[\s-]?host\w*/i;

/**
 * The environment the file's opening comment names (its first three lines, license lines aside),
 * with the words; the earlier phrase wins ("self-host ... for local development" is self-hosting).
 */
function headerEnvironment(content: string): [Environment, string] | null {
  const lines: string[] = [];
  // Line by line up to 30, as `content.split("\n", 30)` gives them: the split cut all 30 when the
  // first line (nearly always not a comment) already ends the header.
  for (let start = 0, count = 0; start <= content.length && count < 30; count++) {
    const end = content.indexOf("\n", start);
    const line = end < 0 ? content.slice(start) : content.slice(start, end);
    start = end < 0 ? content.length + 1 : end + 1;
    const trimmed = line.trim();
    if (trimmed === "" || trimmed === "#") {
      if (lines.length > 0) break;
      continue;
    }
    if (!trimmed.startsWith("#")) break;
    if (/copyright|spdx|license/i.test(trimmed)) continue;
    lines.push(trimmed.replace(/^#+\s*/, ""));
    if (lines.length === 3) break;
  }
  const text = lines.join(" ");
  const dev = HEADER_DEV.exec(text);
  const prod = HEADER_PROD.exec(text);
  // "Not for self-hosting" says the opposite.
  const selfHosting = prod && !/\bnot\b[^.]{0,30}$/i.test(text.slice(0, prod.index)) ? prod : null;
  if (dev && (!selfHosting || dev.index < selfHosting.index)) return ["dev", dev[0]];
  return selfHosting ? ["prod", selfHosting[0]] : null;
}

function ranBy(runner: Runner): string {
  return `run by ${runner.how} (${runner.file}:${runner.line})`;
}

/**
 * The application's published image, when the file runs it and builds nothing: an image the
 * catalog does not know (not a database, cache, ...) whose name carries the repository's owner or
 * name (`ghcr.io/acme/shop`, `acme/shop-web` for acme/shop). Without the repository's name, a
 * namespaced image with a restart policy (how self-hosting stacks run). A file that builds or
 * bind-mounts source is a developer's.
 */
function publishedApp(model: ComposeModel, ctx: ExtractContext): string | null {
  if (model.services.length === 0) return null;
  if (model.services.some((service) => service.build || service.sourceMount)) return null;
  const names = repositoryNames(ctx.repository);
  for (const service of model.services) {
    // An image left to a variable (`${APP_IMAGE}`) is whatever the runner passes: not known.
    if (!service.image || service.image.ref.includes("$") || resolveImage(service.image.ref)) continue;
    const image = parseImageRef(service.image.ref).name.toLowerCase();
    if (names.length > 0 ? isOwnImage(image, names) : image.includes("/") && service.restart) {
      return service.image.ref;
    }
  }
  return null;
}

/** A commented-out image line (`# image: acme/shop:latest`). */
const COMMENTED_IMAGE = /^[ \t]*#+[ \t]*image:[ \t]*["']?([^\s"'#]+)/gm;

/**
 * A stack that builds the source but offers the app's published image in a comment instead ("to
 * use a pre-built image, remove `build:` and uncomment `# image: acme/shop:latest`"): the
 * self-hosting stack, whose users may build or pull the release. Developers need the source build,
 * so a dev stack has no use for the release image; one that bind-mounts source is a dev stack still.
 */
function offeredPublishedImage(model: ComposeModel, content: string, ctx: ExtractContext): string | null {
  if (!content.includes("#") || !model.services.some((service) => service.build)) return null;
  if (model.services.some((service) => service.sourceMount)) return null;
  const names = repositoryNames(ctx.repository);
  if (names.length === 0) return null;
  for (const match of content.matchAll(COMMENTED_IMAGE)) {
    const ref = match[1] ?? "";
    if (isApplicationImage(ref, names)) return ref;
  }
  return null;
}

/**
 * Whether the file runs the application itself: it builds the source, or it runs the app's own
 * published image. A stack of backing services, or of another product (a Keycloak or Grafana
 * stack beside the app), does not; nor does one whose app image is left to a variable (unknown).
 */
export function runsApplication(model: ComposeModel, ctx: ExtractContext): boolean {
  if (model.services.some((service) => service.build)) return true;
  const names = repositoryNames(ctx.repository);
  return model.services.some((service) => service.image && isApplicationImage(service.image.ref, names));
}

/**
 * A file that only amends another one (`docker-compose.dev.yml` that adds `build: .` to a service
 * of `docker-compose.yml`, run as `-f docker-compose.yml -f docker-compose.dev.yml`): every
 * service it names is defined in a sibling default file, and one of them runs nothing of its own
 * (no image) or a runner passes both files. Compose merges the two, so the base's services run
 * in this file's environment too. `*.override.yml` is merged by the extractor itself.
 */
function overriddenBase(path: string, model: ComposeModel, ctx: ExtractContext): string | undefined {
  const name = basename(path);
  if (DEFAULT_COMPOSE.includes(name) || /\.override\.ya?ml$/.test(name) || model.services.length === 0)
    return undefined;
  for (const candidate of DEFAULT_COMPOSE) {
    const base = joinComposePath(dirname(path), candidate);
    if (!base || base === path) continue;
    const content = ctx.readFile(base);
    if (content === undefined) continue;
    const together = runnersOf(path, ctx).some((runner) => runner.files.includes(base));
    if (together) return base;
    const defined = new Set(loadCompose(base, content, ctx, 1).services.map((service) => service.name));
    const amends = model.services.every((service) => defined.has(service.name));
    if (amends && model.services.some((service) => !service.image)) return base;
  }
  return undefined;
}
