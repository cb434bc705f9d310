/**
 * The shared move of the version fixes (service-version, ci-services, runtime-version,
 * unpinned-image): each non-prod use a finding cites is set to the one version prod runs, in
 * the file and on the line the use was read from.
 */
import type { Evidence, ServiceUse } from "../types";
import { editAt, lineSpan } from "./edits";
import { findImage, findVersion, parts, retag } from "./retag";
import type { FixContext, PlannerResult, TextEdit } from "./types";

/** The inventory uses an evidence item was made from (same environment, file and line). */
export function usesAt(context: FixContext, evidence: Evidence): ServiceUse[] {
  return context.report.inventory.filter(
    (use) => use.environment === evidence.environment && use.file === evidence.file && use.line === evidence.line,
  );
}

/** The finding's engine (`database:postgres` -> `postgres`); null for several (`a+b`) or none. */
export function engineOf(context: FixContext): string | null {
  const engine = context.finding.service?.split(":")[1];
  return engine && !engine.includes("+") ? engine : null;
}

/** The one version prod runs of `engine`, as the finding cites it; a sentence when there is none or several. */
export function prodVersion(context: FixContext, engine: string): { version: string } | { reason: string } {
  const prod = context.finding.evidence
    .filter((evidence) => evidence.environment === "prod")
    .flatMap((evidence) => usesAt(context, evidence))
    .filter((use) => use.engine === engine && use.version !== null && use.emulator === undefined);
  const versions = [...new Set(prod.map((use) => use.version as string))];
  if (versions.length === 0) {
    return { reason: "prod does not say which version it runs: there is no version to move to" };
  }
  if (versions.length > 1) {
    return { reason: `prod runs several versions (${versions.join(", ")}): which one dev and CI follow is a choice` };
  }
  return { version: versions[0] as string };
}

/** The finding's own non-prod uses of `engine` (not the ones cited as already agreeing elsewhere). */
export function nonProdUses(context: FixContext, engine: string): ServiceUse[] {
  const own = new Set(context.finding.environments ?? []);
  return context.finding.evidence
    .filter((evidence) => evidence.environment !== null && evidence.environment !== "prod")
    .filter((evidence) => own.size === 0 || (evidence.environment !== null && own.has(evidence.environment)))
    .flatMap((evidence) => usesAt(context, evidence))
    .filter((use) => use.engine === engine && use.emulator === undefined);
}

/**
 * Files whose readers resolve a bare major or minor: nvm and fnm, go.mod's `go 1.22`, Travis's
 * and the setup-* actions' inputs, and prose (a README naming the version to install).
 */
const LOOSE_FILES = /(^|\/)(\.nvmrc|\.node-version|go\.mod|\.travis\.ya?ml|[^/]+\.(md|mdx|rst|txt))$/i;

/** The edit that sets one use to `version`, or why it cannot be made mechanically. */
export function editUse(
  context: FixContext,
  use: ServiceUse,
  engine: string,
  version: string,
): TextEdit | { reason: string } {
  // `node-version-file: .nvmrc`: the version lives in the file the step reads; a compose
  // `include` cites the included file's image, changed there.
  const followed = /-version-file:\s*["']?([^\s"'()]+)/.exec(use.raw)?.[1] ?? /^include (\S+): /.exec(use.raw)?.[1];
  const file = followed ? followed.replace(/^\.\//, "") : use.file;
  const content = context.files.get(file);
  if (content === undefined) return { reason: `${file} could not be read` };
  if (followed) return editFirstVersion(context, file, content, use, engine, version);
  const span = lineSpan(content, use.line);
  if (span === null) return { reason: `${file} has no line ${use.line}` };
  const line = content.slice(span.start, span.end);
  if (use.via === "image") return editImage(file, content, use, engine, version);
  if (use.version === null) return { reason: `${file}:${use.line} names no version to change` };
  const found = findVersion(line, engine, use.version);
  if ("reason" in found && /\b(var|local)\.|\$\{?\w/.test(line)) {
    return { reason: "the version is set by a variable: change it where the value is set" };
  }
  if ("reason" in found) return found;
  if (parts(found.text) > parts(version) && use.via !== "action" && !LOOSE_FILES.test(file)) {
    return {
      reason: `${file} needs an exact version (${version}.x): which patch release to name cannot be known offline`,
    };
  }
  return editAt(file, content, span.start, found.from, found.to, version);
}

/**
 * The image on the use's line, or on the next lines: a Testcontainers declaration often breaks
 * before its image string (`new PostgreSQLContainer<>(` / `"postgres:17.2")`).
 */
function editImage(
  file: string,
  content: string,
  use: ServiceUse,
  engine: string,
  version: string,
): TextEdit | { reason: string } {
  let first: { reason: string } | null = null;
  for (let line = use.line; line <= use.line + 3; line += 1) {
    const span = lineSpan(content, line);
    if (span === null) break;
    const text = content.slice(span.start, span.end);
    const found = findImage(text, engine, use.version);
    if ("reason" in found && line === use.line && found.reason.startsWith("no ")) {
      // Helm values and kustomize split the image: `repository: postgres` above, `tag: "14"`
      // (`newTag: 14-alpine`) on the use's line; the tag is retagged like a whole reference.
      const tag = /(tag\s*:\s*["']?)([\w.-]+)/i.exec(text);
      if (tag?.[2] !== undefined && tag.index !== undefined) {
        const moved = retag(`image:${tag[2]}`, version);
        if ("reason" in moved) return moved;
        const from = tag.index + (tag[1] ?? "").length;
        return editAt(file, content, span.start, from, from + tag[2].length, moved.ref.slice("image:".length));
      }
    }
    if ("reason" in found) {
      first ??= found;
      if (line === use.line && !found.reason.startsWith("no ")) return found;
      continue;
    }
    const moved = retag(found.text, version);
    if ("reason" in moved) return moved;
    return editAt(file, content, span.start, found.from, found.to, moved.ref);
  }
  return first ?? { reason: `${file} has no line ${use.line}` };
}

/** The first line of a followed file (`.nvmrc`, an included compose file) that holds the use's version. */
function editFirstVersion(
  context: FixContext,
  file: string,
  content: string,
  use: ServiceUse,
  engine: string,
  version: string,
): TextEdit | { reason: string } {
  const lines = content.split("\n").length;
  for (let line = 1; line <= lines; line += 1) {
    const edit = editUse(context, { ...use, file, line, raw: "" }, engine, version);
    if (!("reason" in edit)) return edit;
  }
  return { reason: `no ${engine} ${use.version ?? ""} found in ${file}` };
}

/** Every non-prod use of the finding that differs from prod, set to prod's version. */
export function moveToProd(context: FixContext, engine: string | null = engineOf(context)): PlannerResult {
  if (engine === null) return { reason: "the finding is about several engines: no single version to move to" };
  const target = prodVersion(context, engine);
  if ("reason" in target) return target;
  const differing = nonProdUses(context, engine).filter(
    (use) => use.version !== null && use.version !== target.version,
  );
  if (differing.length === 0) return { reason: "no versioned use of the engine outside prod to change" };
  const edits: TextEdit[] = [];
  const notes: string[] = [];
  for (const use of differing) {
    const edit = editUse(context, use, engine, target.version);
    // Half a fix leaves the finding open: all or nothing.
    if ("reason" in edit) return { reason: `${use.file}:${use.line}: ${edit.reason}` };
    if (edits.some((other) => other.file === edit.file && other.start === edit.start)) continue;
    edits.push(edit);
    notes.push(`${edit.file}: ${edit.before} -> ${edit.after}`);
  }
  return { edits, summary: notes.join("; ") };
}
