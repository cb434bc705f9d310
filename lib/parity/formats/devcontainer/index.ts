import type { ExtractResult, Format } from "../../types";
import { extractDevcontainer } from "./extract";

/** Dev containers: a one-command development environment with its runtimes and services. */
export const devcontainerFormat = {
  id: "devcontainer",
  title: "Dev container",
  patterns: [".devcontainer/devcontainer.json", ".devcontainer/*/devcontainer.json", ".devcontainer.json"],
  // The Dockerfile `build.dockerfile` names, to resolve the image its `build.args` choose.
  reads: ["**/Dockerfile", "**/*.Dockerfile", "**/Dockerfile.*"],
  extract(file, ctx): ExtractResult {
    try {
      return extractDevcontainer(file, ctx);
    } catch (error) {
      // Nothing may cross the engine's boundary: a bug here becomes a finding, not a crash.
      return { uses: [], problems: [{ type: "parse-error", line: 1, message: `devcontainer: ${String(error)}` }] };
    }
  },
} satisfies Format;
