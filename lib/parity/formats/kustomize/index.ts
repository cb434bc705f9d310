import type { Format } from "../../types";
import { extractKustomize } from "./extract";

export const kustomizeFormat = {
  id: "kustomize",
  title: "Kustomize",
  patterns: ["**/kustomization.yaml", "**/kustomization.yml", "**/Kustomization"],
  // Resources are read relative to the kustomization, bases included (`../../base`).
  // Kept to the folders kustomize layouts use (kubebuilder puts them under `config/`).
  reads: [
    "**/{k8s,kube,kubernetes,deploy,deployment,deployments,manifests,infra,.k8s,config,base,bases,overlays,components}/**/*.{yaml,yml}",
    "**/Kustomization",
  ],
  extract: extractKustomize,
} satisfies Format;
