import type { ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { imageUse } from "../shared/image-use";
import { readManifests } from "../shared/kubernetes-manifests";
import { environmentFromPath } from "../shared/path-environment";
import {
  type DeletedResource,
  isConsumedKustomization,
  isDeleted,
  type Kustomization,
  parseKustomization,
  renderedFiles,
} from "./graph";
import { applyOverrides } from "./images";

/**
 * A kustomization renders its resources with its `images:` overrides and patches. It reports
 * the backing-service images it changes (an `images:` override of its own, at the line of its
 * `newTag`, or of a kustomization it pulls in, at the line of the `resources` entry), so each
 * environment gets the tag it really runs. Images no kustomization changes are reported by the
 * manifest that holds them, at the line of the image, in each overlay's environment (see
 * `overlayRenderers`). Workloads a patch deletes (`$patch: delete`) are not rendered. A base
 * pulled in by overlays reports nothing itself (its overlays do).
 */
export function extractKustomize(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const { kustomization, problems } = parseKustomization(file.path, file.content, ctx);
  if (problems.length > 0) return { uses: [], problems };
  if (isConsumedKustomization(file.path, ctx)) return { uses: [], problems: [] };
  const environment = environmentFromPath(file.path);
  const uses = renderUses(file.path, kustomization, ctx);
  return {
    uses: environment ? uses.map((use) => ({ ...use, environment })) : uses,
    ...(environment ? { environment } : {}),
    problems: [],
  };
}

function renderUses(path: string, kustomization: Kustomization, ctx: ExtractContext): ExtractedUse[] {
  const uses: ExtractedUse[] = [];
  const deletes: DeletedResource[] = [];
  const files = renderedFiles(kustomization, ctx, path, deletes);
  for (const rendered of files) {
    const content = ctx.readFile(rendered.path);
    // Cheap pre-check: only manifests with a container image can give an image use.
    if (content === undefined || !content.includes("image")) continue;
    const facts = readManifests(content);
    for (const image of facts.images) {
      if (isDeleted(image.workload, image.kind, deletes)) continue;
      let ref = image.image;
      let innerMatched = false;
      for (const overrides of rendered.innerOverrides) {
        const applied = applyOverrides(ref, overrides);
        ref = applied.ref;
        if (applied.matched) innerMatched = true;
      }
      const own = applyOverrides(ref, kustomization.images);
      if (!own.matched && !innerMatched) continue;
      const line = own.matched ? own.matched.line : rendered.entryLine;
      const use = imageUse(own.ref, line, `image: ${own.ref} (${rendered.path})`, image.workload);
      if (use) uses.push(use);
    }
  }
  return uses;
}
