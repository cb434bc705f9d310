import type { ExtractResult, Format } from "../../types";
import { extractCompose } from "./extract";
import { RUNNER_GLOBS } from "./runners";

/** Docker Compose files, v1 (services at the top level) to the current Compose spec. */
export const composeFormat = {
  id: "compose",
  title: "Docker Compose",
  patterns: [
    "**/docker-compose*.yml",
    "**/docker-compose*.yaml",
    "**/compose*.yml",
    "**/compose*.yaml",
    "**/*.override.yml",
    "**/*.override.yaml",
  ],
  // Interpolation reads the sibling `.env`; `include` and `extends.file` read other compose files;
  // who runs a file is read from package scripts, Makefiles and contributor docs (role.ts).
  reads: ["**/.env", "**/*compose*.yml", "**/*compose*.yaml", ...RUNNER_GLOBS],
  extract(file, ctx): ExtractResult {
    try {
      return extractCompose(file, ctx);
    } catch (error) {
      // Nothing may cross the engine's boundary: a bug here becomes a finding, not a crash.
      return { uses: [], problems: [{ type: "parse-error", line: 1, message: `compose: ${String(error)}` }] };
    }
  },
} satisfies Format;
