import type { Format } from "../../types";
import { extractHelm } from "./extract";

export const helmFormat = {
  id: "helm",
  title: "Helm charts and values",
  patterns: ["**/Chart.yaml", "**/requirements.yaml", "**/values*.yaml", "**/values*.yml"],
  // A values file is read with its chart: Chart.yaml and the sibling values files.
  reads: ["**/Chart.yaml", "**/requirements.yaml", "**/values*.yaml", "**/values*.yml"],
  extract: extractHelm,
} satisfies Format;
