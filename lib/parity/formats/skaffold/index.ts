import type { Format } from "../../types";
import { KUSTOMIZATION_NAMES } from "../kustomize/graph";
import { extractSkaffold } from "./extract";

/** skaffold.yaml: the manifests, kustomizations and charts its dev loop deploys. */
export const skaffoldFormat = {
  id: "skaffold",
  title: "Skaffold",
  patterns: ["**/skaffold.yaml", "**/skaffold.yml"],
  // Kustomizations are followed to the manifests they render; charts need their Chart.yaml.
  reads: [...KUSTOMIZATION_NAMES.map((name) => `**/${name}`), "**/Chart.yaml"],
  extract: extractSkaffold,
} satisfies Format;
