import type { ExtractResult, Format } from "../../types";
import { extractDockerfile } from "./extract";

/** Dockerfiles: the runtime stage's base image (node, python, ...) is what production runs. */
export const dockerfileFormat = {
  id: "dockerfile",
  title: "Dockerfile",
  patterns: ["**/Dockerfile", "**/*.Dockerfile", "**/Dockerfile.*", "**/*.dockerfile", "**/dockerfile"],
  extract(file, ctx): ExtractResult {
    try {
      return extractDockerfile(file, ctx);
    } catch (error) {
      // Nothing may cross the engine's boundary: a bug here becomes a finding, not a crash.
      return { uses: [], problems: [{ type: "parse-error", line: 1, message: `dockerfile: ${String(error)}` }] };
    }
  },
} satisfies Format;
