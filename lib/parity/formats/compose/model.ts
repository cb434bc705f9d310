import { LineCounter, type Node } from "yaml";
import type { ExtractContext, Problem } from "../../types";
import { envMap } from "../env-file/parse";
import { basename, dirname, joinComposePath } from "../shared/paths";
import { interpolate } from "./interpolate";
import { type Entry, entries, items, lineOf, parseYaml, text } from "./yaml-ast";

/** A compose file read into the facts Parity needs, every one with its line. */
export interface ComposeService {
  name: string;
  line: number;
  image: { ref: string; raw: string; line: number } | null;
  build: boolean;
  /** The Dockerfile `build:` builds, repository-relative (null when it leaves the repo or is a URL). */
  buildFile?: string | null;
  /** `build.target`: a stage other than the last one is built. */
  buildTarget?: string;
  restart: boolean;
  /** The service bind-mounts source code (`.:/app`): a development definition. */
  sourceMount: boolean;
  profiles: string[];
  environment: EnvSetting[];
  /** Set when values come from a service in another file (`extends.file`). */
  extendsFile?: string;
}

export interface EnvSetting {
  key: string;
  /** Interpolated; null when the key only passes a value through from the shell. */
  value: string | null;
  /** As written, before interpolation: a literal when it holds no `$`. */
  written: string | null;
  line: number;
}

export interface ComposeModel {
  services: ComposeService[];
  includes: { path: string; line: number }[];
  problems: Problem[];
}

/** Top-level keys of the Compose spec: anything else at the top of a v1 file is a service. */
const TOP_LEVEL = new Set(["version", "name", "services", "networks", "volumes", "configs", "secrets", "include"]);
const MAX_DEPTH = 4;

/**
 * Models already read, per extract context (one per audit): the compose format loads each file,
 * and the Dockerfile role loads them again to find who builds which Dockerfile; reading each file
 * once halves the YAML work. Keyed by depth and path, and checked against the content, so a
 * caller passing other content never gets a stale model. Callers treat models as read-only.
 */
const models = new WeakMap<ExtractContext, Map<string, { content: string; model: ComposeModel }>>();

export function loadCompose(path: string, content: string, ctx: ExtractContext, depth = 0): ComposeModel {
  let loaded = models.get(ctx);
  if (!loaded) {
    loaded = new Map();
    models.set(ctx, loaded);
  }
  const key = `${depth}\u0000${path}`;
  const cached = loaded.get(key);
  if (cached && cached.content === content) return cached.model;
  const model = readCompose(path, content, ctx, depth);
  loaded.set(key, { content, model });
  return model;
}

function readCompose(path: string, content: string, ctx: ExtractContext, depth: number): ComposeModel {
  // v1 files (services at the top level) were always named docker-compose*.yml.
  const v1Allowed = /^(docker-)?compose/.test(basename(path));
  const lines = new LineCounter();
  const { doc, problems } = parseYaml(content, lines);
  const env = envMap(ctx.readFile(joinComposePath(dirname(path), ".env") ?? ".env"));
  const top = entries(doc, doc.contents);
  const servicesEntry = top.get("services");
  const serviceEntries = servicesEntry
    ? entries(doc, servicesEntry.value)
    : new Map(
        [...top].filter(
          ([key, entry]) => v1Allowed && !TOP_LEVEL.has(key) && !key.startsWith("x-") && isServiceLike(doc, entry),
        ),
      );
  const read: Reader = { doc, lines, env, path, ctx, depth, problems, definitions: serviceEntries };
  const services = [...serviceEntries.values()].map((entry) => readService(read, entry, 0));
  return { services, includes: readIncludes(read, top.get("include")), problems };
}

interface Reader {
  doc: Parameters<typeof entries>[0];
  lines: LineCounter;
  env: ReadonlyMap<string, string>;
  path: string;
  ctx: ExtractContext;
  depth: number;
  problems: Problem[];
  definitions: Map<string, Entry>;
}

function isServiceLike(doc: Reader["doc"], entry: Entry): boolean {
  const fields = entries(doc, entry.value);
  return fields.has("image") || fields.has("build") || fields.has("extends");
}

function readService(read: Reader, entry: Entry, hops: number): ComposeService {
  const fields = entries(read.doc, entry.value);
  const imageNode = fields.get("image")?.value;
  const written = text(imageNode);
  const service: ComposeService = {
    name: entry.key,
    line: lineOf(read.lines, entry.keyNode),
    image: written ? { ref: interpolate(written, read.env), raw: written, line: lineOf(read.lines, imageNode) } : null,
    build: fields.has("build"),
    ...buildOf(read, fields.get("build")?.value),
    restart: Boolean(text(fields.get("restart")?.value)),
    sourceMount: items(read.doc, fields.get("volumes")?.value).some((volume) => isSourceMount(read, volume)),
    profiles: items(read.doc, fields.get("profiles")?.value).flatMap((node) => text(node) ?? []),
    environment: readEnvironment(read, fields.get("environment")?.value),
  };
  const extendsEntry = fields.get("extends");
  return extendsEntry && hops < MAX_DEPTH ? applyExtends(read, service, extendsEntry, hops) : service;
}

/** `extends`: the base service's values fill what this service does not set. */
function applyExtends(read: Reader, service: ComposeService, entry: Entry, hops: number): ComposeService {
  const short = text(entry.value);
  const fields = entries(read.doc, entry.value);
  const baseName = short ?? text(fields.get("service")?.value);
  const file = text(fields.get("file")?.value);
  if (!baseName) return service;
  let base: ComposeService | undefined;
  if (file) {
    const target = joinComposePath(dirname(read.path), file);
    const content = target ? read.ctx.readFile(target) : undefined;
    if (!target || content === undefined || read.depth >= MAX_DEPTH) {
      read.problems.push({
        type: "skipped",
        line: lineOf(read.lines, entry.keyNode),
        message: `extends file ${file} was not read`,
      });
      return service;
    }
    const found = loadCompose(target, content, read.ctx, read.depth + 1).services.find((s) => s.name === baseName);
    // Facts from another file are reported at this file's `extends:` line.
    const line = lineOf(read.lines, entry.keyNode);
    base = found && {
      ...found,
      image: found.image && { ...found.image, line },
      environment: found.environment.map((setting) => ({ ...setting, line })),
      extendsFile: target,
    };
  } else {
    const definition = read.definitions.get(baseName);
    base = definition ? readService(read, definition, hops + 1) : undefined;
  }
  if (!base) return service;
  const own = new Set(service.environment.map((setting) => setting.key));
  return {
    ...service,
    image: service.image ?? base.image,
    build: service.build || (!service.image && base.build),
    ...(service.build || service.image || base.buildFile === undefined ? {} : { buildFile: base.buildFile }),
    restart: service.restart || base.restart,
    sourceMount: service.sourceMount || base.sourceMount,
    environment: [...service.environment, ...base.environment.filter((setting) => !own.has(setting.key))],
    ...(base.extendsFile && !service.image ? { extendsFile: base.extendsFile } : {}),
  };
}

/** `build: ./dir` or `build: { context, dockerfile, target }` -> the Dockerfile's path and target. */
function buildOf(read: Reader, node: Node | null | undefined): Pick<ComposeService, "buildFile" | "buildTarget"> {
  if (node === undefined) return {};
  const short = text(node);
  const fields = short === null ? entries(read.doc, node) : null;
  const context = interpolate(short ?? text(fields?.get("context")?.value) ?? ".", read.env);
  const dockerfile = interpolate(text(fields?.get("dockerfile")?.value) ?? "Dockerfile", read.env);
  const target = text(fields?.get("target")?.value);
  // A Git or HTTP context builds someone else's source.
  const dir = /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(context) ? null : joinComposePath(dirname(read.path), context);
  const file = dir === null ? null : joinComposePath(dir, dockerfile);
  return { buildFile: file, ...(target ? { buildTarget: target } : {}) };
}

function readEnvironment(read: Reader, node: Node | null | undefined): EnvSetting[] {
  const list = items(read.doc, node);
  if (list.length > 0) {
    return list.flatMap((item) => {
      const written = text(item);
      if (!written) return [];
      const eq = written.indexOf("=");
      const key = eq < 0 ? written : written.slice(0, eq);
      const raw = eq < 0 ? null : written.slice(eq + 1);
      const value = raw === null ? null : interpolate(raw, read.env);
      return [{ key: key.trim(), value, written: raw, line: lineOf(read.lines, item) }];
    });
  }
  return [...entries(read.doc, node).values()].map((entry) => {
    const written = text(entry.value);
    return {
      key: entry.key,
      value: written === null ? null : interpolate(written, read.env),
      written,
      line: lineOf(read.lines, entry.keyNode),
    };
  });
}

/** Mount targets where an image keeps its application code. */
const APP_DIRS =
  /^\/(app|code|src|srv|workspace|workspaces|usr\/src\/app|var\/www(\/html)?|opt\/app|home\/[^/]+\/app)\/?$/;

function isSourceMount(read: Reader, node: Node | null): boolean {
  const short = text(node);
  let source: string | null = null;
  let target: string | null = null;
  if (short) {
    const parts = short.split(":");
    source = parts.length > 1 ? (parts[0] ?? null) : null;
    target = parts[1] ?? null;
  } else {
    const fields = entries(read.doc, node);
    source = text(fields.get("source")?.value);
    target = text(fields.get("target")?.value);
  }
  if (!source || !/^\.\.?(\/|$)/.test(source)) return false;
  return /^\.\.?\/?$/.test(source) || APP_DIRS.test(target ?? "");
}

function readIncludes(read: Reader, entry: Entry | undefined): { path: string; line: number }[] {
  if (!entry) return [];
  return items(read.doc, entry.value).flatMap((item) => {
    const line = lineOf(read.lines, item);
    const short = text(item);
    const written = short ? [short] : pathsOf(read, entries(read.doc, item).get("path")?.value);
    return written.flatMap((relative) => {
      const path = joinComposePath(dirname(read.path), interpolate(relative, read.env));
      return path ? [{ path, line }] : [];
    });
  });
}

function pathsOf(read: Reader, node: Node | null | undefined): string[] {
  const single = text(node);
  if (single) return [single];
  return items(read.doc, node).flatMap((item) => text(item) ?? []);
}
