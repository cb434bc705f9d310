import { resolveImage, tagState } from "../../catalog";
import { isSecretKey, redactText, redactUrl, redactValue } from "../../redact";
import type {
  DeployedImage,
  EnvKeyUse,
  ExtractContext,
  ExtractedUse,
  ExtractResult,
  FormatFile,
  LiteralSetting,
} from "../../types";
import { connectionOf, fallbackLiteral, hostOf, isPlaceholder } from "../env-file/connection";
import { isApplicationImage, repositoryNames } from "../shared/own-image";
import { basename, dirname, joinComposePath } from "../shared/paths";
import { type ComposeModel, type ComposeService, loadCompose } from "./model";
import { composeRole, runsApplication } from "./role";
import { pathEnvironment } from "./words";

const OVERRIDE = /^(.*)\.override\.ya?ml$/;
const JINJA = /\{%-?\s|\{\{\s*cookiecutter\.|\{\{-?\s*[a-z_][\w.]*\s*(\|[^}]*)?-?\}\}/;
export const COMPOSE_NAME = /^(docker-)?compose([.-].*)?\.ya?ml$|\.override\.ya?ml$/;

/**
 * Compose files: backing services from images, connection URLs from application services'
 * `environment:`, and the merge Compose does of `docker-compose.override.yml` onto
 * `docker-compose.yml` (https://docs.docker.com/compose/how-tos/multiple-compose-files/merge/):
 * each file reports the values that stay effective after the merge, at the line where they are
 * written, so a version bumped in the override is reported from the override only.
 */
export function extractCompose(file: FormatFile, ctx: ExtractContext): ExtractResult {
  // A project template (cookiecutter's `{% if %}` blocks and `{{ var }}` values) is not a compose
  // file until rendered: what it runs depends on answers the files do not hold. Read nothing,
  // report nothing (no parse error: the template is fine).
  if (JINJA.test(file.content)) {
    return { uses: [], problems: [], reason: "a project template (Jinja tags): not read until rendered" };
  }
  const model = loadCompose(file.path, file.content, ctx);
  const problems = [...model.problems];
  const override = loadOverride(file.path, ctx);
  const partner = override ?? loadBase(file.path, ctx);
  const included = model.includes.map((include) => {
    const content = ctx.readFile(include.path);
    return { ...include, model: content === undefined ? null : loadCompose(include.path, content, ctx, 1) };
  });
  const hosts = hostEngines([model, ...(partner ? [partner] : []), ...included.flatMap((entry) => entry.model ?? [])]);
  const role = composeRole(file.path, model, ctx, file.content);
  const named = pathEnvironment(file.path)?.[0];
  const environment = role.environment ?? named ?? "dev";
  const prod = environment === "prod";
  const uses: ExtractedUse[] = [];
  const envKeys: EnvKeyUse[] = [];
  const literals: LiteralSetting[] = [];
  const images: DeployedImage[] = [];
  const names = repositoryNames(ctx.repository);

  for (const service of model.services) {
    const overridden = override?.services.find((candidate) => candidate.name === service.name);
    const replaced = Boolean(overridden && (overridden.image || overridden.build));
    const image = replaced ? null : service.image;
    const use = image && imageUse(service, image);
    if (use) uses.push(use);
    // A service that builds names its built image in `image:`: nothing is pulled.
    if (image && !service.build) images.push(deployedImage(image, service.name, names));
    const resolved = resolveImage(service.image?.ref ?? "");
    const app = service.build || !resolved || resolved.kind === "runtime";
    const shadowed = new Set(overridden?.environment.map((setting) => setting.key));
    for (const setting of service.environment) {
      if (shadowed.has(setting.key)) continue;
      const known = envKeys.some((key) => key.key === setting.key && key.line === setting.line);
      if (app && !known) envKeys.push({ key: setting.key, line: setting.line, role: "reads" });
      const connection = setting.value === null ? null : connectionOf(setting.key, setting.value);
      if (connection && hosts.get(hostOf(setting.value ?? "")) !== connection.engine) {
        uses.push({
          kind: connection.kind,
          engine: connection.engine,
          version: null,
          pinned: null,
          line: setting.line,
          raw: connection.raw,
          via: "url",
          name: service.name,
          ...(connection.emulator ? { emulator: connection.emulator } : {}),
        });
      }
      const literal = prod ? literalOf(setting.key, setting.written) : null;
      if (literal) literals.push({ key: setting.key, line: setting.line, value: literal, environment: "prod" });
    }
  }

  for (const include of included) {
    if (!include.model) {
      problems.push({ type: "skipped", line: include.line, message: `included file ${include.path} was not read` });
      continue;
    }
    for (const service of include.model.services) {
      const use = service.image && imageUse(service, { ...service.image, line: include.line });
      if (use) uses.push({ ...use, raw: `include ${include.path}: ${use.raw}` });
    }
  }

  const backing = uses.some((use) => use.via === "image" && use.kind !== "runtime");
  return {
    uses,
    envKeys,
    literals,
    images,
    // A self-hosting (prod) definition runs services but is not how developers work.
    providesDevEnvironment: backing && environment === "dev",
    // Whether this stack is a deployment of the app or only of services beside it (another product's).
    ...(runsApplication(model, ctx) ? { runsApp: true } : {}),
    ...(role.environment ? { environment: role.environment } : {}),
    ...(role.reason ? { reason: role.reason } : {}),
    // Compose merges an amending file onto its base: the base's services run here too.
    ...(role.overrides ? { references: [{ path: role.overrides, environment, line: 1 }] } : {}),
    problems,
  };
}

function imageUse(service: ComposeService, image: NonNullable<ComposeService["image"]>): ExtractedUse | null {
  const resolved = resolveImage(image.ref);
  if (!resolved) return null;
  // A service built from a Dockerfile runs that Dockerfile's runtime, reported by its format.
  if (resolved.kind === "runtime" && service.build) return null;
  const shown = image.raw === image.ref ? image.raw : `${image.raw} -> ${image.ref}`;
  const profiles = service.profiles.length > 0 ? ` (profiles: ${service.profiles.join(", ")})` : "";
  const origin = service.extendsFile ? ` (extends ${service.extendsFile})` : "";
  return {
    kind: resolved.kind,
    engine: resolved.engine,
    version: resolved.version,
    pinned: resolved.pinned,
    line: image.line,
    raw: redactText(`image: ${shown}${profiles}${origin}`),
    via: "image",
    name: service.name,
    ...(resolved.emulator ? { emulator: resolved.emulator } : {}),
  };
}

/** The image as it runs; its tag judged as written (a variable in it leaves the tag unknown). */
function deployedImage(image: NonNullable<ComposeService["image"]>, name: string, names: string[]): DeployedImage {
  return {
    ref: redactText(image.ref),
    line: image.line,
    tag: tagState(image.raw),
    own: isApplicationImage(image.ref, names),
    name,
  };
}

/** The redacted form of a credential or credentialed URL written literally, else null. */
function literalOf(key: string, written: string | null): string | null {
  if (written === null) return null;
  // `${SECRET:-literal}`: the committed fallback is what runs when the variable is unset.
  if (written.includes("$")) return fallbackLiteral(key, written);
  if (isPlaceholder(written)) return null;
  if (isSecretKey(key)) return redactValue(key, written);
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^@\s]+@/i.test(written.trim())) return redactUrl(written.trim());
  return null;
}

/** Service name -> engine of its image: URLs to `db:5432` are that service, already reported. */
function hostEngines(models: ComposeModel[]): Map<string, string> {
  const hosts = new Map<string, string>();
  for (const model of models) {
    for (const service of model.services) {
      const engine = resolveImage(service.image?.ref ?? "")?.engine;
      if (engine) hosts.set(service.name.toLowerCase(), engine);
    }
  }
  return hosts;
}

function loadOverride(path: string, ctx: ExtractContext): ComposeModel | null {
  const name = basename(path);
  if (OVERRIDE.test(name)) return null;
  const stem = name.replace(/\.ya?ml$/, "");
  return loadSibling(path, [`${stem}.override.yml`, `${stem}.override.yaml`], ctx);
}

function loadBase(path: string, ctx: ExtractContext): ComposeModel | null {
  const stem = OVERRIDE.exec(basename(path))?.[1];
  return stem ? loadSibling(path, [`${stem}.yml`, `${stem}.yaml`], ctx) : null;
}

function loadSibling(path: string, names: string[], ctx: ExtractContext): ComposeModel | null {
  for (const name of names) {
    const sibling = joinComposePath(dirname(path), name);
    const content = sibling ? ctx.readFile(sibling) : undefined;
    if (sibling && content !== undefined) return loadCompose(sibling, content, ctx, 1);
  }
  return null;
}
