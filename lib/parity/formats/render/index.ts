import type { Format } from "../../types";
import { extractRender } from "./extract";

/** Render Blueprints: `render.yaml` at the repository root (or elsewhere in a monorepo). */
export const renderFormat = {
  id: "render",
  title: "Render Blueprint (render.yaml)",
  patterns: ["**/render.yaml", "**/render.yml"],
  extract: (file) => extractRender(file),
} satisfies Format;
