import type { ExtractResult, Format } from "../../types";
import { extractRuntimeVersions } from "./extract";

/** Language runtime versions: version-manager files (nvm, asdf, mise, pyenv...), `go.mod` toolchain, `package.json` engines, and the minimums go.mod, engines and composer.json state. */
export const runtimeVersionsFormat = {
  id: "runtime-versions",
  title: "Runtime version files",
  patterns: [
    "**/.nvmrc",
    "**/.node-version",
    "**/.tool-versions",
    "**/.python-version",
    "**/.ruby-version",
    "**/.java-version",
    "**/.go-version",
    "**/.sdkmanrc",
    "**/mise.toml",
    "**/.mise.toml",
    "**/.config/mise.toml",
    "**/.mise/config.toml",
    "**/mise/config.toml",
    "**/go.mod",
    "**/package.json",
    "**/runtime.txt",
    "**/composer.json",
  ],
  extract(file): ExtractResult {
    try {
      return extractRuntimeVersions(file);
    } catch (error) {
      // Nothing may cross the engine's boundary: a bug here becomes a finding, not a crash.
      return { uses: [], problems: [{ type: "parse-error", line: 1, message: `runtime-versions: ${String(error)}` }] };
    }
  },
} satisfies Format;
