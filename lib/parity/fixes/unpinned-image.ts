import { editUse, engineOf, nonProdUses, prodVersion, usesAt } from "./toward-prod";
import type { Planner, TextEdit } from "./types";

/**
 * unpinned-image: a floating backing-service image in dev or CI is pinned to the version prod
 * names (`redis:latest` -> `redis:7`). Where prod names none, or prod itself floats, there is no
 * plan: what `latest` resolves to today cannot be known offline. The app's own and other
 * products' images have no prod version to follow.
 */
export const planUnpinnedImage: Planner = (context) => {
  const engine = engineOf(context);
  const kind = context.finding.service?.split(":")[0];
  if (engine === null || kind === "runtime" || kind === "image" || kind === undefined) {
    return {
      reason: "no prod version of this image is known: what its floating tag resolves to today cannot be known offline",
    };
  }
  const prodFloats = context.finding.evidence.some(
    (evidence) => evidence.environment === "prod" && usesAt(context, evidence).some((use) => use.pinned === false),
  );
  if (prodFloats) return { reason: "prod itself floats: which version it runs today cannot be known offline" };
  const target = prodVersion(context, engine);
  if ("reason" in target) {
    return { reason: "prod names no version of this image: what `latest` resolves to today cannot be known offline" };
  }
  const floating = nonProdUses(context, engine).filter(
    (use) => use.via === "image" && (use.pinned === false || (use.version !== null && use.version !== target.version)),
  );
  if (floating.length === 0) return { reason: "no floating image outside prod to pin" };
  const edits: TextEdit[] = [];
  for (const use of floating) {
    const edit = editUse(context, use, engine, target.version);
    if ("reason" in edit) return { reason: `${use.file}:${use.line}: ${edit.reason}` };
    if (!edits.some((other) => other.file === edit.file && other.start === edit.start)) edits.push(edit);
  }
  return { edits, summary: edits.map((edit) => `${edit.file}: ${edit.before} -> ${edit.after}`).join("; ") };
};
