import { parse, TomlError } from "smol-toml";
import { resolveImage } from "../../catalog";
import type { EnvKeyUse, ExtractedUse, ExtractResult, FormatFile, LiteralSetting } from "../../types";
import { basename, dirname, joinPathLoosely } from "../shared/paths";
import { literalSetting, serviceUse, stagingOrProd, urlUse, workerUse } from "../shared/platform-helpers";
import { lineOf, tomlKeyLines } from "../shared/toml-lines";

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function asString(value: unknown): string | null {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
}

/** Build args the Dockerfiles `fly launch` generates read (`ARG NODE_VERSION=...`). */
const VERSION_ARGS: Record<string, string> = {
  NODE_VERSION: "node",
  PYTHON_VERSION: "python",
  RUBY_VERSION: "ruby",
  GO_VERSION: "go",
  PHP_VERSION: "php",
  BUN_VERSION: "bun",
  ELIXIR_VERSION: "elixir",
};

/** Fly's own database images (`flyio/postgres-flex:15.6`) are named after their engine. */
function resolveFlyImage(image: string) {
  const flyImage = /^(?:docker\.io\/)?flyio\/(postgres|redis)(?:-flex|-standalone)?(:.*)?$/.exec(image);
  return resolveImage(flyImage ? `${flyImage[1]}${flyImage[2] ?? ""}` : image);
}

/**
 * fly.toml (https://fly.io/docs/reference/configuration/): only what the file states. Fly
 * Postgres and Upstash Redis are attached as secrets (`DATABASE_URL`, `REDIS_URL`) that never
 * appear in the file, and comments are not facts, so they are not guessed. Recorded: the build
 * image, runtime build args, `[env]` connection URLs, volumes (a Fly volume is a local disk),
 * and job runners in `[processes]` that need a specific broker (Sidekiq: Redis).
 */
export function extractFly(file: FormatFile): ExtractResult {
  let doc: Table;
  try {
    doc = parse(file.content) as Table;
  } catch (error) {
    const line = error instanceof TomlError ? error.line : 1;
    const message = error instanceof Error ? error.message.split("\n")[0] : "invalid TOML";
    return { uses: [], problems: [{ type: "parse-error", line, message: `fly.toml: ${message}` }] };
  }
  const lines = tomlKeyLines(file.content);
  const at = (path: string) => lineOf(lines, path);
  const app = asString(doc.app);
  const environment = stagingOrProd(basename(file.path), app);
  const uses: ExtractedUse[] = [];
  const envKeys: EnvKeyUse[] = [];
  const literals: LiteralSetting[] = [];
  const references: NonNullable<ExtractResult["references"]> = [];

  const build = isTable(doc.build) ? doc.build : {};
  const image = asString(build.image);
  const service = image ? resolveFlyImage(image) : null;
  if (image) {
    if (service) {
      uses.push({ ...service, line: at("build.image"), raw: `image = "${image}"`, via: "image", name: app ?? "app" });
    }
  }
  const dockerfile = asString(build.dockerfile);
  if (dockerfile) {
    references.push({
      path: joinPathLoosely(dirname(file.path), dockerfile),
      environment,
      line: at("build.dockerfile"),
    });
  }
  const args = isTable(build.args) ? build.args : {};
  for (const [key, value] of Object.entries(args)) {
    const engine = VERSION_ARGS[key];
    const version = asString(value);
    if (!engine || !version) continue;
    uses.push(
      serviceUse({
        kind: "runtime",
        engine,
        version,
        line: at(`build.args.${key}`),
        raw: `${key} = "${version}"`,
        via: "setting",
      }),
    );
  }

  const env = isTable(doc.env) ? doc.env : {};
  for (const [key, raw] of Object.entries(env)) {
    const value = asString(raw) ?? "";
    const line = at(`env.${key}`);
    envKeys.push({ key, line, role: "reads" });
    const use = urlUse(key, value, line, undefined, key);
    if (use) uses.push(use);
    const literal = literalSetting(key, value, line, undefined);
    if (literal) literals.push(literal);
  }

  const mounts = Array.isArray(doc.mounts) ? doc.mounts : isTable(doc.mounts) ? [doc.mounts] : [];
  // A database app's volume is that database's data directory, not file storage of an app.
  const isBackingService = service !== null && service.kind !== "runtime";
  mounts.forEach((mount, index) => {
    if (!isTable(mount) || isBackingService) return;
    const source = asString(mount.source) ?? "volume";
    const destination = asString(mount.destination) ?? "";
    const path = Array.isArray(doc.mounts) ? `mounts.${index}` : "mounts";
    uses.push(
      serviceUse({
        kind: "storage",
        engine: "local-disk",
        line: lineOf(lines, `${path}.source`, at(path)),
        raw: `[[mounts]] source = "${source}" destination = "${destination}"`,
        via: "resource",
        name: source,
      }),
    );
  });

  const processes = isTable(doc.processes) ? doc.processes : {};
  for (const [name, command] of Object.entries(processes)) {
    const text = asString(command);
    const use = text ? workerUse(text, at(`processes.${name}`), undefined, name) : null;
    if (use) uses.push(use);
  }

  return {
    uses,
    envKeys,
    literals,
    ...(references.length > 0 ? { references } : {}),
    environment,
    problems: [],
  };
}
