import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { normalizeVersion } from "../../catalog";
import { redactText } from "../../redact";
import type { ExtractContext, ExtractedUse, ExtractResult, FormatFile, ServiceKind } from "../../types";
import { readBuildArgs } from "../dockerfile/devcontainer-args";
import { runtimeWithArgs } from "../dockerfile/extract";
import { connectionOf } from "../env-file/connection";
import { lineIndex } from "../shared/lines";
import { dirname, joinComposePath } from "../shared/paths";
import { resolveDevImage } from "./images";

/**
 * Dev containers (https://containers.dev/implementors/json_reference/): JSONC with comments and
 * trailing commas. The image and features say which runtimes and services developers get; a
 * `dockerComposeFile` or `build.dockerfile` is pulled in as a dev definition via `references`.
 */
export function extractDevcontainer(file: FormatFile, ctx?: ExtractContext): ExtractResult {
  const content = file.content;
  const errors: ParseError[] = [];
  const root = parseTree(content, errors, { allowTrailingComma: true, disallowComments: false });
  const result: ExtractResult = {
    uses: [],
    references: [],
    environment: "dev",
    providesDevEnvironment: true,
    problems: errors.map((error) => ({
      type: "parse-error",
      line: lineIndex(content)(error.offset),
      message: `devcontainer.json: ${printParseErrorCode(error.error)}`,
    })),
  };
  if (root?.type !== "object") return result;
  const lineOf = lineIndex(content);
  const line = (node: Node) => lineOf(node.offset);
  const dir = dirname(file.path);

  const image = findNodeAtLocation(root, ["image"]);
  if (image?.type === "string") {
    const service = resolveDevImage(String(image.value));
    if (service) {
      result.uses.push({
        ...service,
        line: line(image),
        raw: redactText(`"image": "${image.value}"`),
        via: "image",
      });
    }
  }

  for (const name of ["dockerComposeFile", "build.dockerfile"]) {
    const node = findNodeAtLocation(root, name.split("."));
    const list = node?.type === "array" ? (node.children ?? []) : node ? [node] : [];
    for (const entry of list) {
      const path = entry.type === "string" ? joinComposePath(dir, String(entry.value)) : null;
      if (path) result.references?.push({ path, environment: "dev", line: line(entry) });
    }
  }

  result.uses.push(...buildArgUses(file, ctx));

  const features = findNodeAtLocation(root, ["features"]);
  for (const property of features?.type === "object" ? (features.children ?? []) : []) {
    const use = featureUse(property, line);
    if (use) result.uses.push(use);
  }

  for (const block of ["containerEnv", "remoteEnv"]) {
    const env = findNodeAtLocation(root, [block]);
    for (const property of env?.type === "object" ? (env.children ?? []) : []) {
      const [key, value] = property.children ?? [];
      if (key?.type !== "string" || value?.type !== "string") continue;
      const connection = connectionOf(String(key.value), String(value.value));
      if (!connection) continue;
      result.uses.push({
        kind: connection.kind,
        engine: connection.engine,
        version: null,
        pinned: null,
        line: line(key),
        raw: connection.raw,
        via: "url",
        ...(connection.emulator ? { emulator: connection.emulator } : {}),
      });
    }
  }
  return result;
}

/** Build args the dev container Dockerfiles (https://github.com/devcontainers/images) install a runtime by. */
const VERSION_ARGS: Record<string, string> = {
  NODE_VERSION: "node",
  PYTHON_VERSION: "python",
  JAVA_VERSION: "java",
  GO_VERSION: "go",
  RUBY_VERSION: "ruby",
  PHP_VERSION: "php",
};

/**
 * `build.args` that choose a runtime: an arg the Dockerfile's FROM reads (`"VARIANT": "21-bullseye"`
 * for `FROM .../java:0-${VARIANT}`), resolved through the Dockerfile, and the `NODE_VERSION`-style
 * args the dev container images install a runtime with (`"none"` installs nothing). Cited at the
 * arg, where the version is chosen.
 */
function buildArgUses(file: FormatFile, ctx?: ExtractContext): ExtractedUse[] {
  const build = readBuildArgs(file.path, file.content);
  if (!build) return [];
  const uses: ExtractedUse[] = [];
  const content = ctx?.readFile(build.dockerfile);
  const runtime = content === undefined ? null : runtimeWithArgs(content, build.args);
  const chosen = runtime ? build.args.get(runtime.arg) : undefined;
  if (runtime && chosen) {
    uses.push({
      kind: "runtime",
      engine: runtime.engine,
      version: runtime.version,
      pinned: runtime.pinned,
      line: chosen.line,
      raw: redactText(`"${runtime.arg}": "${chosen.value}" -> FROM ${runtime.image}`),
      via: "image",
      name: "build args",
    });
  }
  for (const [key, arg] of build.args) {
    const engine = VERSION_ARGS[key.toUpperCase()];
    if (!engine || engine === runtime?.engine || arg.value.toLowerCase() === "none") continue;
    const known = FLOATING.test(arg.value) ? null : normalizeVersion(engine, arg.value.replace(/^v/i, ""));
    uses.push({
      kind: "runtime",
      engine,
      version: known,
      pinned: known !== null,
      line: arg.line,
      raw: redactText(`"${key}": "${arg.value}"`),
      via: "setting",
      name: "build args",
    });
  }
  return uses;
}

/** Feature names (the last segment of the id) and the service each installs. */
const FEATURES: { match: RegExp; kind: ServiceKind; engine: string }[] = [
  { match: /^(node|nodejs)$/, kind: "runtime", engine: "node" },
  { match: /^python$/, kind: "runtime", engine: "python" },
  { match: /^ruby$/, kind: "runtime", engine: "ruby" },
  { match: /^(go|golang)$/, kind: "runtime", engine: "go" },
  { match: /^java$/, kind: "runtime", engine: "java" },
  { match: /^php$/, kind: "runtime", engine: "php" },
  { match: /^rust$/, kind: "runtime", engine: "rust" },
  { match: /^dotnet$/, kind: "runtime", engine: "dotnet" },
  { match: /^deno$/, kind: "runtime", engine: "deno" },
  { match: /^bun$/, kind: "runtime", engine: "bun" },
  { match: /^postgres(ql)?(-server)?$/, kind: "database", engine: "postgres" },
  { match: /^(mysql|mysql-server)$/, kind: "database", engine: "mysql" },
  { match: /^(mongodb|mongodb-server)$/, kind: "database", engine: "mongodb" },
  { match: /^(redis|redis-server)$/, kind: "cache", engine: "redis" },
  { match: /^(rabbitmq|rabbitmq-server)$/, kind: "broker", engine: "rabbitmq" },
];

/** Version option values that install no fixed version (`lts`) or nothing at all (`none`). */
const FLOATING = /^(lts|latest|stable|current|os-provided|system)$/i;

function featureUse(property: Node, line: (node: Node) => number): ExtractedUse | null {
  const [key, options] = property.children ?? [];
  if (key?.type !== "string") return null;
  const id = String(key.value);
  const name = (
    id
      .replace(/[:@][^/]*$/, "")
      .split("/")
      .at(-1) ?? ""
  ).toLowerCase();
  const rule = FEATURES.find((candidate) => candidate.match.test(name));
  if (!rule) return null;
  // Legacy features take the version as a plain string; current ones as `{ "version": "20" }`.
  const versionNode =
    options?.type === "string" ? options : options ? findNodeAtLocation(options, ["version"]) : undefined;
  const written = versionNode?.type === "string" || versionNode?.type === "number" ? String(versionNode.value) : null;
  if (written?.toLowerCase() === "none") return null;
  const known = written !== null && !FLOATING.test(written) ? normalizeVersion(rule.engine, written) : null;
  return {
    kind: rule.kind,
    engine: rule.engine,
    version: known,
    pinned: known !== null,
    line: line(versionNode ?? key),
    raw: redactText(written === null ? `"${id}"` : `"${id}": { "version": "${written}" }`),
    via: "feature",
    name: id,
  };
}
