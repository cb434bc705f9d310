import { normalizeVersion, resolveImage } from "../../catalog";
import type { ExtractedUse } from "../../types";
import type { ChartDependency } from "./chart-file";
import type { ImageSite } from "./values-tree";

/** True when the site says which version runs (a tag, a digest, or a full reference). */
export function hasVersionInfo(site: ImageSite | undefined): boolean {
  return Boolean(site && (site.tag || site.digest || site.ref));
}

/** An environment file's site completed by the base values (`tag` only, repository from base). */
export function mergeSites(own: ImageSite, base: ImageSite | undefined): ImageSite {
  if (!base || own.ref) return own;
  return {
    path: own.path,
    ...(base.registry ? { registry: base.registry } : {}),
    ...(base.repository ? { repository: base.repository } : {}),
    ...(base.tag && !own.digest ? { tag: base.tag } : {}),
    ...(base.digest && !own.tag ? { digest: base.digest } : {}),
    ...stripUndefined(own),
  };
}

function stripUndefined(site: ImageSite): Partial<ImageSite> {
  return Object.fromEntries(Object.entries(site).filter(([, v]) => v !== undefined)) as Partial<ImageSite>;
}

/**
 * The use a site describes, or null for the application's own images. A subchart's image
 * without a recognisable repository takes its engine from the chart (`postgresql.image.tag`).
 */
export function siteUse(site: ImageSite, dependency: ChartDependency | undefined): ExtractedUse | null {
  const name = site.path;
  if (site.ref) {
    const service = resolveImage(site.ref.value);
    if (!service) return null;
    return {
      kind: service.kind,
      engine: service.engine,
      version: service.version,
      pinned: service.pinned,
      line: site.ref.line,
      raw: `${site.path}: ${site.ref.value}`,
      via: "image",
      name,
      ...(service.emulator ? { emulator: service.emulator } : {}),
    };
  }
  const line = site.tag?.line ?? site.digest?.line ?? site.repository?.line;
  if (line === undefined) return null;
  const suffix = site.digest ? `@${site.digest.value}` : site.tag ? `:${site.tag.value}` : "";
  if (site.repository) {
    const repository = [site.registry?.value, site.repository.value].filter(Boolean).join("/");
    const ref = `${repository}${suffix}`;
    const service = resolveImage(ref);
    if (service) {
      return {
        kind: service.kind,
        engine: service.engine,
        version: service.version,
        pinned: service.pinned,
        line,
        raw: `${site.path}: ${ref}`,
        via: "image",
        name,
        ...(service.emulator ? { emulator: service.emulator } : {}),
      };
    }
  }
  const chart = dependency?.service;
  if (!chart) return null;
  const tag = site.tag?.value ?? null;
  const floating = tag === null || tag === "latest";
  return {
    kind: chart.kind,
    engine: chart.engine,
    version: tag === null ? null : normalizeVersion(chart.engine, tag),
    pinned: site.digest ? true : !floating,
    line,
    raw: `${site.path}: ${site.repository?.value ?? dependency.name}${suffix}`,
    via: "image",
    name: dependency.key,
    ...(chart.emulator ? { emulator: chart.emulator } : {}),
  };
}
