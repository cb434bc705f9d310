import type { ExtractResult, Format } from "../../types";
import { extractEnvFile } from "./extract";

/** Dotenv files: `.env.example` and friends document keys; `.env.production` may leak secrets. */
export const envFileFormat = {
  id: "env-file",
  title: "Dotenv files",
  patterns: ["**/.env", "**/.env.*"],
  extract(file): ExtractResult {
    try {
      return extractEnvFile(file);
    } catch (error) {
      // Nothing may cross the engine's boundary: a bug here becomes a finding, not a crash.
      return { uses: [], problems: [{ type: "parse-error", line: 1, message: `env-file: ${String(error)}` }] };
    }
  },
} satisfies Format;
