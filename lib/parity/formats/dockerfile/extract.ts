import { DockerfileParser, type From } from "dockerfile-ast";
import { resolveImage } from "../../catalog";
import { redactText } from "../../redact";
import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { builtServiceUses } from "../compose/built-services";
import { interpolate } from "../compose/interpolate";
import { baseOf } from "../compose/paths";
import { dockerfileRole } from "./role";

/**
 * The runtime of a Dockerfile is the image its last stage starts from (a `--target` chosen at
 * build time cannot be known here). Build stages only compile: a node stage that builds assets
 * for an nginx runtime is not what production runs, so they yield nothing. Only runtime images
 * are reported as the runtime: a `FROM postgres:16` Dockerfile is a service image, reported in the
 * environments of the compose stacks that build it (compose/built-services.ts).
 * https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact
 */
export function extractDockerfile(file: FormatFile, ctx?: ExtractContext): ExtractResult {
  const name = baseOf(file.path);
  if (name.endsWith(".dockerignore")) return { uses: [], problems: [] };
  const dockerfile = DockerfileParser.parse(file.content);
  const args = new Map<string, string>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    const value = property?.getValue();
    // A default may use an earlier ARG (`ARG RUNTIME=${BASE}`).
    if (property && value !== null && value !== undefined) args.set(property.getName(), interpolate(value, args));
  }
  const froms = dockerfile.getFROMs();
  const last = froms.at(-1);
  const named = environmentOf(name);
  const role = named || !ctx ? {} : dockerfileRole(file.path, file.content, last?.getBuildStage() ?? null, ctx);
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
  result.uses.push(...buildStageUses(froms, args));
  const runtime = resolveStage(froms, froms.length - 1, args);
  if (!runtime) return result;
  const service = resolveImage(runtime.image) ?? distroless(runtime.image);
  // A service image (`FROM postgres:14`) runs where the compose stacks that build it run.
  if (service && service.kind !== "runtime" && ctx) {
    const from = { line: lineOf(last), written: last.getArgumentsContent() ?? runtime.image };
    result.uses.push(...builtServiceUses(file.path, last.getBuildStage() ?? null, service, from, ctx));
  }
  if (service?.kind !== "runtime") return result;
  const written = last.getArgumentsContent() ?? "";
  const shown = runtime.from === last && runtime.image === written.split(/\s+/)[0] ? "" : ` -> ${runtime.image}`;
  const use: ExtractedUse = {
    kind: service.kind,
    engine: service.engine,
    version: service.version,
    pinned: service.pinned,
    line: lineOf(last),
    raw: redactText(`FROM ${written}${shown}`),
    via: "image",
    name: last.getBuildStage() ?? "runtime stage",
  };
  result.uses.push(use);
  return result;
}

/**
 * Build stages that start from a language runtime or toolchain (`FROM node:20 AS build` before an
 * nginx runtime): the version the build runs on counts too, as a build-time runtime. A stage
 * built on another stage, and a stage with the runtime stage's own image, add nothing.
 */
function buildStageUses(froms: From[], args: ReadonlyMap<string, string>): ExtractedUse[] {
  const uses: ExtractedUse[] = [];
  const last = froms.length - 1;
  const runtime = resolveStage(froms, last, args)?.image;
  const shipped = runtime ? (resolveImage(runtime) ?? distroless(runtime)) : null;
  froms.forEach((from, index) => {
    if (index === last) return;
    const written = from.getImage();
    if (!written) return;
    const image = interpolate(written, args);
    const isStage = froms.some(
      (candidate, at) => at < index && candidate.getBuildStage()?.toLowerCase() === image.toLowerCase(),
    );
    if (isStage || image === runtime || image.includes("$")) return;
    const service = resolveImage(image) ?? distroless(image);
    if (service?.kind !== "runtime") return;
    // The runtime stage's own runtime and version is reported once, from the runtime stage.
    if (shipped?.engine === service.engine && shipped.version === service.version) return;
    if (uses.some((use) => use.engine === service.engine && use.version === service.version)) return;
    const stage = from.getBuildStage();
    uses.push({
      kind: service.kind,
      engine: service.engine,
      version: service.version,
      pinned: service.pinned,
      line: lineOf(from),
      raw: redactText(`FROM ${from.getArgumentsContent() ?? written}`),
      via: "image",
      name: stage ? `build stage ${stage}` : "build stage",
    });
  });
  return uses;
}

/** Follows `FROM <earlier stage>` back to an image, substituting global ARGs. */
function resolveStage(
  froms: From[],
  index: number,
  args: ReadonlyMap<string, string>,
  hops = 0,
): { image: string; from: From } | null {
  const from = froms[index];
  const written = from?.getImage();
  if (!from || !written || hops > froms.length) return null;
  const image = interpolate(written, args);
  const stage = froms.findIndex(
    (candidate, at) => at < index && candidate.getBuildStage()?.toLowerCase() === image.toLowerCase(),
  );
  if (stage >= 0) return resolveStage(froms, stage, args, hops + 1);
  if (image.toLowerCase() === "scratch") return null;
  return { image, from };
}

function lineOf(from: From): number {
  return from.getRange().start.line + 1;
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
