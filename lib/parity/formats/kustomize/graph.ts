import type { ExtractContext } from "../../types";
import { hasName, pathIndex } from "../shared/path-index";
import { dirname, joinPath } from "../shared/paths";
import { getNode, mapEntries, parseYamlDocuments, scalarText, seqItems } from "../shared/yaml-nodes";

export const KUSTOMIZATION_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"] as const;
const NAME_ENDINGS = new Set(KUSTOMIZATION_NAMES.map((name) => name.charCodeAt(name.length - 1)));
/** The names' last letters, so the path index tests only paths ending in one of them. */
const KUSTOMIZATION_LAST_CHARS = KUSTOMIZATION_NAMES.map((name) => name.slice(-1)).join("");

/** One `images:` entry: how kustomize rewrites an image name, tag or digest. */
export interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  /** Line of the field that sets the version (`newTag`, else `digest`, `newName`, `name`). */
  line: number;
}

export interface ResourceEntry {
  /** Repository path of the manifest file or of the nested kustomization file. */
  path: string;
  line: number;
  /** True when the entry is a directory holding another kustomization (a base). */
  nested: boolean;
}

/** A resource a patch removes (`$patch: delete`), by kind and `metadata.name`. */
export interface DeletedResource {
  kind: string;
  name: string;
}

export interface Kustomization {
  resources: ResourceEntry[];
  images: ImageOverride[];
  /** Resources its patches delete (`$patch: delete`): they are not rendered. */
  deletes: DeletedResource[];
}

/** Runs on the snapshot's paths ending in `l` or `n` (overlay lookup): compares the tail in place. */
export function isKustomizationPath(path: string): boolean {
  // The last letter rules out nearly every path before any name is compared.
  if (!NAME_ENDINGS.has(path.charCodeAt(path.length - 1))) return false;
  return KUSTOMIZATION_NAMES.some((name) => hasName(path, name));
}

function kustomizationIn(dir: string, ctx: ExtractContext): string | undefined {
  const paths = pathIndex(ctx.paths);
  return KUSTOMIZATION_NAMES.map((name) => (dir ? `${dir}/${name}` : name)).find((p) => paths.has(p));
}

/** Parses a kustomization: `resources` (and deprecated `bases`) and `images`. */
export function parseKustomization(path: string, content: string, ctx: ExtractContext) {
  const parsed = parseYamlDocuments(content);
  const root = parsed.roots[0];
  const dir = dirname(path);
  const resources: ResourceEntry[] = [];
  for (const field of ["resources", "bases", "components"]) {
    for (const item of seqItems(getNode(root, field))) {
      const text = scalarText(item);
      // Remote bases (`github.com/...`, `https://...`) are outside the snapshot.
      if (!text || text.includes("://") || /^[\w.-]+\.(com|org|io)\//.test(text)) continue;
      const target = joinPath(dir, text);
      if (target === null) continue;
      const nested = kustomizationIn(target, ctx);
      resources.push({ path: nested ?? target, line: parsed.lineOf(item), nested: nested !== undefined });
    }
  }
  const images: ImageOverride[] = [];
  for (const item of seqItems(getNode(root, "images"))) {
    const name = scalarText(getNode(item, "name"));
    if (!name) continue;
    const override: ImageOverride = { name, line: parsed.lineOf(item) };
    for (const entry of mapEntries(item)) {
      const value = scalarText(entry.value);
      if (value === undefined) continue;
      if (entry.key === "newName") override.newName = value;
      if (entry.key === "newTag") override.newTag = value;
      if (entry.key === "digest") override.digest = value;
    }
    const versionField = getNode(item, "newTag") ?? getNode(item, "digest") ?? getNode(item, "newName");
    if (versionField) override.line = parsed.lineOf(versionField);
    images.push(override);
  }
  const deletes = deletedResources(root, dir, ctx);
  return { kustomization: { resources, images, deletes } satisfies Kustomization, problems: parsed.problems };
}

/** The `$patch: delete` documents of a patch text (a patch file may hold several). */
function deletesIn(text: string, out: DeletedResource[]): void {
  // Most patches change fields: only a text that says `$patch: delete` is parsed again.
  if (!text.includes("$patch") || !text.includes("delete")) return;
  for (const doc of parseYamlDocuments(text).roots) {
    if (scalarText(getNode(doc, "$patch")) !== "delete") continue;
    const name = scalarText(getNode(getNode(doc, "metadata"), "name"));
    if (name) out.push({ kind: scalarText(getNode(doc, "kind")) ?? "", name });
  }
}

/**
 * Resources deleted by `patches` (inline `patch:` or a `path:` file) and `patchesStrategicMerge`
 * (a file, or inline YAML) entries whose document says `$patch: delete`.
 */
function deletedResources(root: unknown, dir: string, ctx: ExtractContext): DeletedResource[] {
  const out: DeletedResource[] = [];
  const fromFile = (relative: string | undefined) => {
    const target = relative ? joinPath(dir, relative) : null;
    const content = target === null ? undefined : ctx.readFile(target);
    if (content !== undefined) deletesIn(content, out);
  };
  for (const item of seqItems(getNode(root, "patches"))) {
    const inline = scalarText(getNode(item, "patch"));
    if (inline !== undefined) deletesIn(inline, out);
    else fromFile(scalarText(getNode(item, "path")));
  }
  for (const item of seqItems(getNode(root, "patchesStrategicMerge"))) {
    const text = scalarText(item);
    if (text === undefined) continue;
    if (text.includes("\n")) deletesIn(text, out);
    else fromFile(text);
  }
  return out;
}

function load(path: string, ctx: ExtractContext): Kustomization | undefined {
  const content = ctx.readFile(path);
  if (content === undefined) return undefined;
  return parseKustomization(path, content, ctx).kustomization;
}

/** A manifest a kustomization renders, with the overrides of the kustomizations in between. */
export interface RenderedFile {
  path: string;
  /** Line of the top kustomization's `resources` entry that pulls the file in. */
  entryLine: number;
  /** `images:` lists of nested kustomizations, innermost first (the top's own excluded). */
  innerOverrides: ImageOverride[][];
}

/** Manifest files a kustomization renders, following nested kustomizations (cycles stop). */
export function renderedFiles(
  kustomization: Kustomization,
  ctx: ExtractContext,
  selfPath?: string,
  deletes?: DeletedResource[],
): RenderedFile[] {
  const out: RenderedFile[] = [];
  deletes?.push(...kustomization.deletes);
  const walk = (k: Kustomization, entryLine: number | null, outer: ImageOverride[][], seen: Set<string>) => {
    for (const entry of k.resources) {
      const line = entryLine ?? entry.line;
      if (!entry.nested) {
        out.push({ path: entry.path, entryLine: line, innerOverrides: outer });
        continue;
      }
      if (seen.has(entry.path)) continue;
      const inner = load(entry.path, ctx);
      if (!inner) continue;
      // A deletion anywhere in the tree (a component's patch, most often) removes the resource
      // from what this kustomization renders; resource names are unique within one render.
      deletes?.push(...inner.deletes);
      walk(inner, line, [inner.images, ...outer], new Set([...seen, entry.path]));
    }
  };
  walk(kustomization, null, [], new Set(selfPath ? [selfPath] : []));
  return out;
}

/** True when a deletion removes the workload (kinds compared when the patch names one). */
export function isDeleted(workload: string, kind: string, deletes: readonly DeletedResource[]): boolean {
  return deletes.some((d) => d.name === workload && (d.kind === "" || d.kind === kind));
}

/** A top-level kustomization rendering a manifest, and what it does to the manifest's images. */
export interface Renderer {
  /** Path of the rendering kustomization file. */
  overlay: string;
  /** `images:` lists applied to the manifest, innermost first, the overlay's own last. */
  overrides: ImageOverride[][];
  deletes: DeletedResource[];
}

interface Overlays {
  /** Kustomizations that pull another kustomization in, with the bases they pull. */
  overlays: { overlay: string; bases: string[] }[];
  /** Manifest files those bases render (see `isRenderedByOverlay`). */
  rendered: Set<string>;
  /** For each of those files, the top-level overlays rendering it. */
  renderers: Map<string, Renderer[]>;
}

/**
 * The answer is the same for every file of a snapshot, and asked once per Kubernetes manifest
 * and kustomization: computed once per extract context (one per audit; a WeakMap, so it goes
 * with the audit) instead of re-parsing every kustomization for each file.
 */
const overlaysByContext = new WeakMap<ExtractContext, Overlays>();

function snapshotOverlays(ctx: ExtractContext): Overlays {
  const cached = overlaysByContext.get(ctx);
  if (cached) return cached;
  const overlays: Overlays["overlays"] = [];
  for (const path of pathIndex(ctx.paths).select(
    "kustomize:kustomizations",
    isKustomizationPath,
    KUSTOMIZATION_LAST_CHARS,
  )) {
    const k = load(path, ctx);
    const bases = k?.resources.filter((r) => r.nested).map((r) => r.path) ?? [];
    if (bases.length > 0) overlays.push({ overlay: path, bases });
  }
  const rendered = new Set<string>();
  const bases = new Set(overlays.flatMap((o) => o.bases));
  for (const base of bases) {
    const k = load(base, ctx);
    if (k) for (const file of renderedFiles(k, ctx, base)) rendered.add(file.path);
  }
  const renderers = new Map<string, Renderer[]>();
  for (const { overlay } of overlays) {
    // Overlays of overlays: the outermost one is what gets applied.
    if (bases.has(overlay)) continue;
    const k = load(overlay, ctx);
    if (!k) continue;
    const deletes: DeletedResource[] = [];
    for (const file of renderedFiles(k, ctx, overlay, deletes)) {
      if (!rendered.has(file.path)) continue;
      const list = renderers.get(file.path) ?? [];
      list.push({ overlay, overrides: [...file.innerOverrides, k.images], deletes });
      renderers.set(file.path, list);
    }
  }
  const result = { overlays, rendered, renderers };
  overlaysByContext.set(ctx, result);
  return result;
}

/** True when another kustomization pulls this one in: its consumers render it, not itself. */
export function isConsumedKustomization(path: string, ctx: ExtractContext): boolean {
  return snapshotOverlays(ctx).overlays.some((o) => o.overlay !== path && o.bases.includes(path));
}

/**
 * True when a manifest is part of a base that overlays render: the overlays report its images
 * with their own overrides and environments, so the manifest alone must not (it would place the
 * base's tag in an environment that never runs it).
 */
export function isRenderedByOverlay(path: string, ctx: ExtractContext): boolean {
  return snapshotOverlays(ctx).rendered.has(path);
}

/** The top-level overlays that render a manifest of a base (empty for any other file). */
export function overlayRenderers(path: string, ctx: ExtractContext): readonly Renderer[] {
  return snapshotOverlays(ctx).renderers.get(path) ?? [];
}
