import { resolveImage } from "../../catalog";
import type { ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { readManifests } from "../kubernetes/manifests";
import { environmentFromPath } from "../kubernetes/path-environment";
import { isConsumedKustomization, type Kustomization, parseKustomization, renderedFiles } from "./graph";
import { applyOverrides } from "./images";

/**
 * A kustomization renders its resources with its `images:` overrides. Overlays (kustomizations
 * that pull in another kustomization, e.g. `../../base`) report every backing-service image they
 * render, so each environment gets the tag it really runs: an overridden image at the line of
 * its `newTag`, an untouched one at the line of the `resources` entry that brings it in.
 * A base pulled in by overlays reports nothing itself (its overlays do); a flat kustomization
 * (plain files only) reports only the images it overrides, the manifests report the rest.
 */
export function extractKustomize(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const { kustomization, problems } = parseKustomization(file.path, file.content, ctx);
  if (problems.length > 0) return { uses: [], problems };
  if (isConsumedKustomization(file.path, ctx)) return { uses: [], problems: [] };
  const environment = environmentFromPath(file.path);
  const isOverlay = kustomization.resources.some((r) => r.nested);
  const uses = renderUses(file.path, kustomization, ctx, isOverlay);
  return {
    uses: environment ? uses.map((use) => ({ ...use, environment })) : uses,
    ...(environment ? { environment } : {}),
    problems: [],
  };
}

function renderUses(
  path: string,
  kustomization: Kustomization,
  ctx: ExtractContext,
  includeUntouched: boolean,
): ExtractedUse[] {
  const uses: ExtractedUse[] = [];
  for (const rendered of renderedFiles(kustomization, ctx, path)) {
    const content = ctx.readFile(rendered.path);
    if (content === undefined) continue;
    const facts = readManifests(content);
    for (const image of facts.images) {
      let ref = image.image;
      for (const overrides of rendered.innerOverrides) ref = applyOverrides(ref, overrides).ref;
      const own = applyOverrides(ref, kustomization.images);
      if (!own.matched && !includeUntouched) continue;
      const service = resolveImage(own.ref);
      if (!service) continue;
      uses.push({
        kind: service.kind,
        engine: service.engine,
        version: service.version,
        pinned: service.pinned,
        line: own.matched ? own.matched.line : rendered.entryLine,
        raw: `image: ${own.ref} (${rendered.path})`,
        via: "image",
        name: image.workload,
        ...(service.emulator ? { emulator: service.emulator } : {}),
      });
    }
    if (!includeUntouched) continue;
    for (const use of facts.urlUses) {
      uses.push({ ...use, line: rendered.entryLine, raw: `${use.raw} (${rendered.path})` });
    }
  }
  return uses;
}
