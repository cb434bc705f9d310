import { resolveImage } from "../../catalog";
import type { ExtractedUse } from "../../types";

/**
 * The use a deployed container image gives when it is a backing service or a runtime the catalog
 * knows (`postgres:16`), or null (the app's own image, an unknown one). One shape for every format
 * that reads deployed images (Kubernetes manifests, kustomize overlays, Elastic Beanstalk).
 */
export function imageUse(image: string, line: number, raw: string, name: string): ExtractedUse | null {
  const service = resolveImage(image);
  if (!service) return null;
  return {
    kind: service.kind,
    engine: service.engine,
    version: service.version,
    pinned: service.pinned,
    line,
    raw,
    via: "image",
    name,
    ...(service.emulator ? { emulator: service.emulator } : {}),
  };
}
