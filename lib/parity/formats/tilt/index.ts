import type { Format } from "../../types";
import { KUSTOMIZATION_NAMES } from "../kustomize/graph";
import { extractTiltfile } from "./extract";

/** Tiltfile: the manifests, compose files, charts and kustomizations `tilt up` deploys. */
export const tiltFormat = {
  id: "tilt",
  title: "Tilt",
  patterns: ["**/Tiltfile", "**/*.tiltfile"],
  reads: [...KUSTOMIZATION_NAMES.map((name) => `**/${name}`), "**/Chart.yaml"],
  extract: extractTiltfile,
} satisfies Format;
