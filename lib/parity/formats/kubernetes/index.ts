import type { Format } from "../../types";
import { KUSTOMIZATION_NAMES } from "../kustomize/graph";
import { extractKubernetes } from "./extract";

const FOLDERS = "{k8s,kube,kubernetes,deploy,deployment,deployments,manifests,infra,.k8s}";

export const kubernetesFormat = {
  id: "kubernetes",
  title: "Kubernetes manifests",
  patterns: [`**/${FOLDERS}/**/*.yaml`, `**/${FOLDERS}/**/*.yml`],
  // Kustomizations anywhere tell whether a manifest is a base that overlays render.
  reads: KUSTOMIZATION_NAMES.map((name) => `**/${name}`),
  extract: extractKubernetes,
} satisfies Format;
