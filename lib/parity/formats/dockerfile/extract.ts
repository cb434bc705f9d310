import { type Dockerfile, DockerfileParser, type From, type Instruction, ModifiableInstruction } from "dockerfile-ast";
import { resolveImage } from "../../catalog";
import { redactText } from "../../redact";
import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { interpolate } from "../compose/interpolate";
import { basename } from "../shared/paths";
import { builtServiceUses } from "./built-services";
import { type ArgValue, devcontainerBuildArgs } from "./devcontainer-args";
import { dockerfileRole } from "./role";
import { COPIED_INTO_RUNTIME } from "./stages";

/**
 * The runtime of a Dockerfile is the image its last stage starts from (a `--target` chosen at
 * build time cannot be known here). Build stages only compile: a node stage that builds assets
 * for an nginx runtime is not what production runs, so they yield nothing. Only runtime images
 * are reported as the runtime: a `FROM postgres:16` Dockerfile is a service image, reported in the
 * environments of the compose stacks that build it (built-services.ts).
 * https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact
 */
export function extractDockerfile(file: FormatFile, ctx?: ExtractContext): ExtractResult {
  const name = basename(file.path);
  if (name.endsWith(".dockerignore")) return { uses: [], problems: [] };
  const dockerfile = DockerfileParser.parse(file.content);
  // A dev container that builds this file passes its own build args (`"VARIANT": "21-bullseye"`).
  const builder = ctx ? devcontainerBuildArgs(file.path, ctx) : null;
  const args = initialArgs(dockerfile, builder?.args);
  const froms = stagesOf(dockerfile.getFROMs());
  const last = froms.at(-1);
  const named = environmentOf(name);
  const role = named || !ctx ? {} : dockerfileRole(file.path, file.content, last?.name ?? null, ctx);
  const environment = named ?? role.environment;
  const result: ExtractResult = {
    uses: [],
    problems: [],
    ...(environment ? { environment } : {}),
    ...(named ? { reason: `its name says ${named}` } : role.reason ? { reason: role.reason } : {}),
  };
  if (!last) {
    result.problems.push({ type: "parse-error", line: 1, message: "no FROM instruction" });
    return result;
  }
  result.uses.push(...buildStageUses(froms, args, copiedStages(dockerfile, froms)));
  const runtime = resolveStage(froms, froms.length - 1, args);
  if (!runtime) return result;
  const service = resolveImage(runtime.image) ?? distroless(runtime.image);
  // A service image (`FROM postgres:14`) runs where the compose stacks that build it run.
  if (service && service.kind !== "runtime" && ctx) {
    const from = { line: last.line, written: last.from.getArgumentsContent() ?? runtime.image };
    result.uses.push(...builtServiceUses(file.path, last.name, service, from, ctx));
  }
  if (service?.kind !== "runtime") return result;
  const written = last.from.getArgumentsContent() ?? "";
  const overridden = builder && fromUsesArg(froms, builder.args) ? ` (build args from ${builder.file})` : "";
  const shown =
    runtime.from === last && runtime.image === written.split(/\s+/)[0] ? "" : ` -> ${runtime.image}${overridden}`;
  const use: ExtractedUse = {
    kind: service.kind,
    engine: service.engine,
    version: service.version,
    pinned: service.pinned,
    line: last.line,
    raw: redactText(`FROM ${written}${shown}`),
    via: "image",
    name: last.name ?? "runtime stage",
  };
  result.uses.push(use);
  return result;
}

/**
 * Build stages that start from a language runtime or toolchain (`FROM node:20 AS build` before an
 * nginx runtime): the version the build runs on counts too, as a build-time runtime. A stage
 * built on another stage, and a stage with the runtime stage's own image, add nothing. A stage
 * whose files the runtime stage copies (`COPY --from=deps`, directly or through stages built on
 * it) is named so (`COPIED_INTO_RUNTIME`), each on its own line: what it installed (native
 * modules, a virtualenv) runs on the runtime stage's version.
 */
function buildStageUses(
  froms: Stage[],
  args: ReadonlyMap<string, string>,
  copied: ReadonlySet<number>,
): ExtractedUse[] {
  const uses: ExtractedUse[] = [];
  const last = froms.length - 1;
  const runtime = resolveStage(froms, last, args)?.image;
  const shipped = runtime ? (resolveImage(runtime) ?? distroless(runtime)) : null;
  froms.forEach((from, index) => {
    if (index === last) return;
    const written = from.image;
    if (!written) return;
    const image = interpolate(written, args);
    const isStage = froms.some((candidate, at) => at < index && candidate.name?.toLowerCase() === image.toLowerCase());
    if (isStage || image === runtime || image.includes("$")) return;
    const service = resolveImage(image) ?? distroless(image);
    if (service?.kind !== "runtime") return;
    // The runtime stage's own runtime and version is reported once, from the runtime stage.
    if (shipped?.engine === service.engine && shipped.version === service.version) return;
    const isCopied = copied.has(index);
    if (!isCopied && uses.some((use) => use.engine === service.engine && use.version === service.version)) return;
    const stage = from.name;
    const name = stage ? `build stage ${stage}` : "build stage";
    uses.push({
      kind: service.kind,
      engine: service.engine,
      version: service.version,
      pinned: service.pinned,
      line: from.line,
      raw: redactText(`FROM ${from.from.getArgumentsContent() ?? written}`),
      via: "image",
      name: isCopied ? `${name}${COPIED_INTO_RUNTIME}` : name,
    });
  });
  return uses;
}

/**
 * Indexes of the stages the last stage copies files from (`COPY --from=<name or index>`), with the
 * stages those are built on (`FROM deps AS build`: `build` holds what `deps` installed).
 */
function copiedStages(dockerfile: Dockerfile, froms: Stage[]): Set<number> {
  const last = froms.at(-1);
  const copied = new Set<number>();
  if (!last) return copied;
  const start = last.line;
  const stageIndex = (ref: string) => {
    const byName = froms.findIndex((from) => from.name?.toLowerCase() === ref.toLowerCase());
    if (byName >= 0) return byName;
    return /^\d+$/.test(ref) && Number(ref) < froms.length - 1 ? Number(ref) : -1;
  };
  const add = (index: number) => {
    if (index < 0 || copied.has(index) || index >= froms.length - 1) return;
    copied.add(index);
    const parent = stageIndex(froms[index]?.image ?? "");
    if (parent >= 0 && parent < index) add(parent);
  };
  for (const instruction of dockerfile.getInstructions() as Instruction[]) {
    if (instruction.getRange().start.line + 1 <= start || instruction.getKeyword() !== "COPY") continue;
    if (!(instruction instanceof ModifiableInstruction)) continue;
    const from = instruction
      .getFlags()
      .find((flag) => flag.getName().toLowerCase() === "from")
      ?.getValue();
    if (from) add(stageIndex(from));
  }
  // The runtime stage may itself be built on a stage (`FROM base AS runner`): what it starts from is copied too.
  add(stageIndex(last.image ?? ""));
  return copied;
}

/** The global ARGs (before the first FROM) with their defaults, or the value a build passes. */
function initialArgs(dockerfile: Dockerfile, overrides?: ReadonlyMap<string, ArgValue>): Map<string, string> {
  const args = new Map<string, string>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (!property) continue;
    const given = overrides?.get(property.getName());
    const value = given?.value ?? property.getValue();
    // A default may use an earlier ARG (`ARG RUNTIME=${BASE}`).
    if (value !== null && value !== undefined) args.set(property.getName(), interpolate(value, args));
  }
  return args;
}

const argPattern = (key: string) => new RegExp(`\\$\\{?${key.replace(/\W/g, "\\$&")}\\b`);

/** True when some FROM line reads one of these args (`FROM base:0-${VARIANT}`). */
function fromUsesArg(froms: readonly Stage[], args: ReadonlyMap<string, unknown>): boolean {
  return froms.some((from) => [...args.keys()].some((key) => argPattern(key).test(from.image ?? "")));
}

/**
 * The runtime the last stage of a Dockerfile runs when built with `overrides` as build args, and
 * the first of those args its FROM lines read (null when none does): a dev container's
 * `build.args` choosing the image's version.
 */
export function runtimeWithArgs(
  content: string,
  overrides: ReadonlyMap<string, ArgValue>,
): { engine: string; version: string | null; pinned: boolean; image: string; arg: string } | null {
  const dockerfile = DockerfileParser.parse(content);
  const froms = stagesOf(dockerfile.getFROMs());
  const arg = [...overrides.keys()].find((key) => froms.some((from) => argPattern(key).test(from.image ?? "")));
  if (!arg || froms.length === 0) return null;
  const runtime = resolveStage(froms, froms.length - 1, initialArgs(dockerfile, overrides));
  const service = runtime ? (resolveImage(runtime.image) ?? distroless(runtime.image)) : null;
  if (!runtime || service?.kind !== "runtime") return null;
  return { engine: service.engine, version: service.version, pinned: service.pinned, image: runtime.image, arg };
}

/** Follows `FROM <earlier stage>` back to an image, substituting global ARGs. */
function resolveStage(
  froms: Stage[],
  index: number,
  args: ReadonlyMap<string, string>,
  hops = 0,
): { image: string; from: Stage } | null {
  const from = froms[index];
  const written = from?.image;
  if (!from || !written || hops > froms.length) return null;
  const image = interpolate(written, args);
  const stage = froms.findIndex((candidate, at) => at < index && candidate.name?.toLowerCase() === image.toLowerCase());
  if (stage >= 0) return resolveStage(froms, stage, args, hops + 1);
  if (image.toLowerCase() === "scratch") return null;
  return { image, from };
}

/**
 * A FROM line with what is read of it, read once. dockerfile-ast recomputes a FROM's arguments
 * (their ranges and text positions) on every getImage/getBuildStage call, and resolving stages
 * asks per pair of stages: about 5 MB allocated per bench audit for 83 two-stage Dockerfiles.
 */
interface Stage {
  from: From;
  image: string | null;
  /** The `AS` name. */
  name: string | null;
  line: number;
}

function stagesOf(froms: readonly From[]): Stage[] {
  return froms.map((from) => ({
    from,
    image: from.getImage(),
    name: from.getBuildStage(),
    line: from.getRange().start.line + 1,
  }));
}

/** Distroless runtime images carry the runtime in their name (`distroless/nodejs20-debian12`). */
function distroless(image: string): ReturnType<typeof resolveImage> {
  const match = /distroless\/(nodejs|python|java)(\d+)/.exec(image);
  if (!match) return null;
  const engine = ({ nodejs: "node", python: "python", java: "java" } as const)[
    match[1] as "nodejs" | "python" | "java"
  ];
  // `python3` names only the major; python compares by major.minor, so the version is unknown.
  return { kind: "runtime", engine, version: engine === "python" ? null : (match[2] ?? null), pinned: true };
}

/** `Dockerfile.dev`, `dev.Dockerfile`, `Dockerfile.test`: the name says which environment. */
function environmentOf(name: string): Environment | undefined {
  const lower = name.toLowerCase();
  const parts = lower.split(".").filter((part) => part !== "dockerfile");
  if (parts.some((part) => ["dev", "development", "local", "devcontainer"].includes(part))) return "dev";
  if (parts.some((part) => part === "test" || part === "e2e")) return "test";
  if (parts.some((part) => part === "ci")) return "ci";
  if (parts.some((part) => part === "staging")) return "staging";
  return undefined;
}
