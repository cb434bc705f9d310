import type { Format } from "../../types";
import { KUSTOMIZATION_NAMES } from "../kustomize/graph";
import { extractKubernetes } from "./extract";

const FOLDERS = "{k8s,kube,kubernetes,deploy,deployment,deployments,manifests,infra,.k8s,base,bases}";
/** Words a deployment folder or file name contains (`k8s-specifications`, `kubernetes-manifests`). */
const DEPLOY_WORDS = "{k8s,kube,manifest,deploy,release,helm,chart,overlay,kustomiz}";

export const kubernetesFormat = {
  id: "kubernetes",
  title: "Kubernetes manifests",
  // Manifests are recognised by content (`apiVersion` + `kind`), in YAML whose path suggests
  // deployment: a deploy folder, or a folder or file name containing a deployment word.
  patterns: [
    `**/${FOLDERS}/**/*.{yaml,yml}`,
    `**/*${DEPLOY_WORDS}*/**/*.{yaml,yml}`,
    `**/*${DEPLOY_WORDS}*.{yaml,yml}`,
  ],
  // Kustomizations anywhere tell whether a manifest is a base that overlays render.
  reads: KUSTOMIZATION_NAMES.map((name) => `**/${name}`),
  extract: extractKubernetes,
} satisfies Format;
