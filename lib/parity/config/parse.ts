import { type Document, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { Environment, ParityConfig, Suppression } from "../types";
import { CONFIG_KEYS, defaultConfig } from "./defaults";
import { lineOf } from "./locate";
import { commentSchema, environmentKeySchema, globListSchema, productionSchema, suppressionSchema } from "./schema";

/** A problem in `.parity.yml`, with the line of the offending key or value. */
export interface ConfigProblem {
  line: number;
  message: string;
}

export interface ParsedConfig {
  config: ParityConfig;
  problems: ConfigProblem[];
}

/** Larger than any sensible config: refuse rather than parse a hostile file. */
const MAX_CONFIG_CHARS = 256 * 1024;
/** Aliases expand on `toJS`; a small cap defuses "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

interface Ctx {
  doc: Document;
  lineCounter: LineCounter;
  problems: ConfigProblem[];
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.trim() ?? message;
}

function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`))
    .join("")
    .slice(1);
}

/** Validates one part of the config; on failure records each issue with its line. */
function validate<S extends z.ZodType>(
  ctx: Ctx,
  schema: S,
  value: unknown,
  path: PropertyKey[],
): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const issuePath = [...path, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const keyPath = [...issuePath, key];
        ctx.problems.push({
          line: lineOf(ctx.doc, ctx.lineCounter, keyPath, true),
          message: `${describePath(keyPath)}: unknown key`,
        });
      }
      continue;
    }
    ctx.problems.push({
      line: lineOf(ctx.doc, ctx.lineCounter, issuePath),
      message: `${describePath(issuePath)}: ${issue.message}`,
    });
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readEnvironments(ctx: Ctx, value: unknown, config: ParityConfig): void {
  if (!isRecord(value)) {
    ctx.problems.push({
      line: lineOf(ctx.doc, ctx.lineCounter, ["environments"]),
      message: "environments: expected a mapping of environment to globs",
    });
    return;
  }
  for (const [key, globs] of Object.entries(value)) {
    const name = environmentKeySchema.safeParse(key);
    if (!name.success) {
      ctx.problems.push({
        line: lineOf(ctx.doc, ctx.lineCounter, ["environments", key], true),
        message: `environments.${key}: unknown environment (use dev, test, ci, staging, prod or ignore)`,
      });
      continue;
    }
    const list = validate(ctx, globListSchema, globs, ["environments", key]);
    if (list) config.environments[name.data] = list;
  }
}

function readSuppress(ctx: Ctx, value: unknown, config: ParityConfig): void {
  if (!Array.isArray(value)) {
    ctx.problems.push({ line: lineOf(ctx.doc, ctx.lineCounter, ["suppress"]), message: "suppress: expected a list" });
    return;
  }
  for (const [index, entry] of value.entries()) {
    const parsed = validate(ctx, suppressionSchema, entry, ["suppress", index]);
    if (!parsed) continue;
    const suppression: Suppression = { check: parsed.check, reason: parsed.reason };
    if (parsed.service) suppression.service = parsed.service;
    if (parsed.environment) suppression.environment = parsed.environment satisfies Environment;
    if (parsed.fingerprint) suppression.fingerprint = parsed.fingerprint;
    config.suppress.push(suppression);
  }
}

function readRoot(ctx: Ctx, root: Record<string, unknown>, config: ParityConfig): void {
  for (const [key, value] of Object.entries(root)) {
    if (key === "environments") readEnvironments(ctx, value, config);
    else if (key === "suppress") readSuppress(ctx, value, config);
    else if (key === "production") {
      const names = validate(ctx, productionSchema, value, ["production"]);
      if (names) config.production = names;
    } else if (key === "comment") {
      const comment = validate(ctx, commentSchema, value, ["comment"]);
      if (comment) config.comment = comment;
    } else {
      ctx.problems.push({
        line: lineOf(ctx.doc, ctx.lineCounter, [key], true),
        message: `${key}: unknown key (known: ${CONFIG_KEYS.join(", ")})`,
      });
    }
  }
}

/**
 * Parses `.parity.yml`. Never throws: whatever is invalid is left at its default and reported
 * with its line; the valid parts still apply (a bad suppression does not void the others).
 */
export function parseConfig(source: string): ParsedConfig {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  if (source.length > MAX_CONFIG_CHARS) {
    return {
      config,
      problems: [{ line: 1, message: `config is larger than ${MAX_CONFIG_CHARS} characters; ignored` }],
    };
  }
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        problems.push({
          line: lineCounter.linePos(error.pos[0]).line,
          message: `invalid YAML: ${firstLine(error.message)}`,
        });
      }
      return { config, problems };
    }
    const root: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (root === null || root === undefined) return { config, problems };
    const ctx: Ctx = { doc, lineCounter, problems };
    if (!isRecord(root)) {
      problems.push({ line: lineOf(doc, lineCounter, []), message: "config must be a mapping of keys" });
      return { config, problems };
    }
    readRoot(ctx, root, config);
    return { config, problems };
  } catch (error) {
    // yaml throws from toJS on excessive aliases; any other surprise is reported the same way.
    const message = error instanceof Error ? firstLine(error.message) : "unreadable config";
    return { config: defaultConfig(), problems: [{ line: 1, message: `config could not be read: ${message}` }] };
  }
}
