import type { Environment, Inventory } from "../types";
import { ENVIRONMENTS } from "../types";
import type { PlacedUse } from "./place";

export interface Reference {
  from: string;
  path: string;
  environment: Environment;
  line: number;
}

/** A `.` or `..` segment, an empty one (`a//b`, a leading or trailing `/`) or a backslash. */
const NEEDS_NORMALIZING = /(?:^|\/)\.{0,2}(?:\/|$)|\\/;

/** `./a/../b/c.yml` -> `b/c.yml`: references are written as the referencing tool resolves them. */
export function normalizePath(path: string): string {
  // Formats read files by the paths the snapshot lists, already normal: one scan returns them
  // as they are, without splitting and joining every path read.
  if (!NEEDS_NORMALIZING.test(path)) return path;
  const parts: string[] = [];
  for (const segment of path.replace(/\\/g, "/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") parts.pop();
    else parts.push(segment);
  }
  return parts.join("/");
}

function sameUse(a: PlacedUse["use"], b: PlacedUse["use"]): boolean {
  return (
    a.environment === b.environment &&
    a.file === b.file &&
    a.line === b.line &&
    a.format === b.format &&
    a.kind === b.kind &&
    a.engine === b.engine
  );
}

/**
 * A file another file starts takes on that environment too (a compose file CI runs is a CI
 * definition): its file-placed uses are copied into the referenced environment. One level only:
 * a reference's environment is what the referencing file means, not a chain.
 */
export function applyReferences(
  out: { placed: PlacedUse[]; inventory: Inventory },
  references: readonly Reference[],
  isIgnored: (path: string) => boolean,
): void {
  // Images by file, indexed once: a monorepo's references would otherwise each scan them all.
  const imagesByFile = new Map<string, NonNullable<Inventory["images"]>>();
  for (const image of out.inventory.images ?? []) {
    const list = imagesByFile.get(image.file);
    if (list) list.push(image);
    else imagesByFile.set(image.file, [image]);
  }
  for (const reference of references) {
    if (!(ENVIRONMENTS as readonly string[]).includes(reference.environment)) continue;
    const target = normalizePath(reference.path);
    if (target === reference.from || isIgnored(target)) continue;
    const sources = out.placed.filter((placed) => placed.fromFile && placed.use.file === target);
    for (const source of sources) {
      const copy = { ...source.use, environment: reference.environment };
      if (out.placed.some((placed) => sameUse(placed.use, copy))) continue;
      out.placed.push({ use: copy, fromFile: false });
    }
    // Its images run there too (a compose file CI starts runs its tools in CI).
    const images = imagesByFile.get(target) ?? [];
    for (const image of [...images]) {
      if (images.some((other) => other.line === image.line && other.environment === reference.environment)) continue;
      const copy = { ...image, environment: reference.environment };
      images.push(copy);
      out.inventory.images?.push(copy);
    }
    for (const file of out.inventory.files) {
      if (file.path !== target || file.environments.includes(reference.environment)) continue;
      file.environments = ENVIRONMENTS.filter(
        (env) => env === reference.environment || file.environments.includes(env),
      );
      const why = `${reference.environment}: started by ${reference.from}:${reference.line}`;
      file.reason = file.reason ? `${file.reason}; ${why}` : why;
    }
  }
}
