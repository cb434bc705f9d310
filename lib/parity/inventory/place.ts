import { scrub, scrubMessage } from "../scrub";
import type { Environment, ExtractedUse, ExtractResult, Format, Inventory, Problem, ServiceUse } from "../types";
import { ENVIRONMENTS, SERVICE_KINDS } from "../types";

/** A placed use and whether its environment came from the file (references may re-place those). */
export interface PlacedUse {
  use: ServiceUse;
  fromFile: boolean;
}

const TAG_STATES: ReadonlySet<unknown> = new Set(["pinned", "floating", "unknown"]);

function safeLine(line: unknown): number {
  return typeof line === "number" && Number.isFinite(line) && line >= 1 ? Math.floor(line) : 1;
}

function isEnvironment(value: unknown): value is Environment {
  return typeof value === "string" && (ENVIRONMENTS as readonly string[]).includes(value);
}

/** Formats are code of varying care: anything malformed is dropped rather than trusted. */
function isUse(value: unknown): value is ExtractedUse {
  if (typeof value !== "object" || value === null) return false;
  const use = value as Partial<ExtractedUse>;
  return (
    typeof use.engine === "string" &&
    use.engine !== "" &&
    typeof use.kind === "string" &&
    (SERVICE_KINDS as readonly string[]).includes(use.kind)
  );
}

/**
 * The use's fields as they leave the engine, without its environment: scrubbed once per use
 * (scrub runs several regexes) and then copied per environment by `inEnvironment`.
 */
function toPlacedFields(use: ExtractedUse, file: string, format: string): Omit<ServiceUse, "environment"> {
  const placed: Omit<ServiceUse, "environment"> = {
    kind: use.kind,
    engine: use.engine,
    version: typeof use.version === "string" ? scrub(use.version) : null,
    pinned: typeof use.pinned === "boolean" ? use.pinned : null,
    file,
    line: safeLine(use.line),
    raw: scrub(typeof use.raw === "string" ? use.raw : ""),
    via: use.via,
    format,
  };
  if (use.name) placed.name = scrub(use.name);
  if (use.emulator) placed.emulator = scrub(use.emulator);
  return placed;
}

/**
 * The use in one environment, keys in the order reports have always had (environment first).
 * Written out rather than spread: a literal of known shape is cheaper to build per environment.
 */
function inEnvironment(fields: Omit<ServiceUse, "environment">, environment: Environment): ServiceUse {
  const placed: ServiceUse = {
    environment,
    kind: fields.kind,
    engine: fields.engine,
    version: fields.version,
    pinned: fields.pinned,
    file: fields.file,
    line: fields.line,
    raw: fields.raw,
    via: fields.via,
    format: fields.format,
  };
  if (fields.name !== undefined) placed.name = fields.name;
  if (fields.emulator !== undefined) placed.emulator = fields.emulator;
  return placed;
}

export function problemOf(file: string, problem: Partial<Problem>): Inventory["problems"][number] {
  return {
    file,
    type: problem.type === "skipped" ? "skipped" : "parse-error",
    line: safeLine(problem.line),
    message: scrubMessage(typeof problem.message === "string" ? problem.message : "unreadable"),
  };
}

/** Everything one format said about one file, placed in environments, appended to `out`. */
export function placeResult(
  out: { placed: PlacedUse[]; inventory: Inventory },
  path: string,
  format: Format,
  result: ExtractResult,
  fileEnvironments: readonly Environment[],
): Set<Environment> {
  const { inventory } = out;
  const seen = new Set<Environment>(fileEnvironments);
  for (const use of Array.isArray(result.uses) ? result.uses : []) {
    if (!isUse(use)) continue;
    const fields = toPlacedFields(use, path, format.id);
    if (isEnvironment(use.environment)) {
      out.placed.push({ use: inEnvironment(fields, use.environment), fromFile: false });
      seen.add(use.environment);
      continue;
    }
    for (const environment of fileEnvironments) {
      out.placed.push({ use: inEnvironment(fields, environment), fromFile: true });
    }
  }
  // Keys and literals too are scrubbed once, not once per environment they are placed in.
  for (const key of result.envKeys ?? []) {
    const environments = isEnvironment(key.environment) ? [key.environment] : fileEnvironments;
    const name = scrub(key.key);
    const line = safeLine(key.line);
    // Written out rather than spread: keys come from many formats in many shapes, and spreading
    // those was the costliest line of placing a monorepo's results.
    for (const environment of environments) {
      inventory.envKeys.push({ key: name, line, role: key.role, file: path, environment });
    }
  }
  for (const literal of result.literals ?? []) {
    const environments = isEnvironment(literal.environment) ? [literal.environment] : fileEnvironments;
    const scrubbed = { key: scrub(literal.key), value: scrub(literal.value), line: safeLine(literal.line), file: path };
    for (const environment of environments) inventory.literals.push({ ...literal, ...scrubbed, environment });
  }
  for (const job of result.deployJobs ?? []) {
    inventory.deployJobs.push({ ...job, line: safeLine(job.line), evidence: scrub(job.evidence) });
  }
  // A workflow with no test job still says CI was read: the list exists, empty.
  if (Array.isArray(result.ciJobs)) {
    inventory.ciJobs ??= [];
    for (const job of result.ciJobs) {
      inventory.ciJobs.push({ ...job, line: safeLine(job.line), tests: job.tests === null ? null : scrub(job.tests) });
    }
  }
  for (const double of Array.isArray(result.testDoubles) ? result.testDoubles : []) {
    inventory.testDoubles ??= [];
    inventory.testDoubles.push({
      kind: double.kind,
      engine: typeof double.engine === "string" ? double.engine : null,
      line: safeLine(double.line),
      raw: scrub(typeof double.raw === "string" ? double.raw : ""),
      library: scrub(String(double.library)),
      file: path,
    });
  }
  for (const image of Array.isArray(result.images) ? result.images : []) {
    if (typeof image?.ref !== "string" || !TAG_STATES.has(image.tag)) continue;
    const environments = isEnvironment(image.environment) ? [image.environment] : fileEnvironments;
    const ref = scrub(image.ref);
    const line = safeLine(image.line);
    const { tag } = image;
    const own = image.own === true;
    const name = typeof image.name === "string" ? scrub(image.name) : undefined;
    inventory.images ??= [];
    // Written out in the keys' order (name only when non-empty): a spread of the shared fields and
    // of `name ? { name } : {}` took the slow object-cloning path, about 2 ms per bench audit.
    for (const environment of environments) {
      inventory.images.push(
        name
          ? { ref, line, tag, own, name, file: path, format: format.id, environment }
          : { ref, line, tag, own, file: path, format: format.id, environment },
      );
    }
  }
  for (const built of Array.isArray(result.builtImages) ? result.builtImages : []) {
    if (typeof built !== "string" || built === "") continue;
    inventory.builtImages ??= [];
    if (!inventory.builtImages.includes(built)) inventory.builtImages.push(built);
  }
  if (result.providesDevEnvironment && !inventory.devEnvironmentFiles.includes(path)) {
    inventory.devEnvironmentFiles.push(path);
  }
  for (const problem of Array.isArray(result.problems) ? result.problems : []) {
    inventory.problems.push(problemOf(path, problem));
  }
  return seen;
}
