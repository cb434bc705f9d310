import type { ExtractResult, Format } from "../../types";
import { extractDocsVersions } from "./extract";

/** Runtime versions that README, CONTRIBUTING and install guides tell readers to install. */
export const docsVersionsFormat = {
  id: "docs-versions",
  title: "Documented runtime versions",
  patterns: [
    "README.md",
    "CONTRIBUTING.md",
    ".github/CONTRIBUTING.md",
    "docs/CONTRIBUTING.md",
    "INSTALL.md",
    "docs/**/*{install,Install,INSTALL,getting-started,requirements,setup,development,contributing,self-host}*.md",
  ],
  extract(file): ExtractResult {
    try {
      return extractDocsVersions(file);
    } catch (error) {
      // Nothing may cross the engine's boundary: a bug here becomes a finding, not a crash.
      return { uses: [], problems: [{ type: "parse-error", line: 1, message: `docs-versions: ${String(error)}` }] };
    }
  },
} satisfies Format;
