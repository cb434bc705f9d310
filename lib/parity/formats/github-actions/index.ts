import type { Format } from "../../types";
import { extractGithubActions } from "./extract";
import { FOLLOWED_GLOBS } from "./follow";
import { VERSION_FILE_GLOBS } from "./setup-actions";

export const githubActionsFormat = {
  id: "github-actions",
  title: "GitHub Actions workflows",
  patterns: [".github/workflows/*.yml", ".github/workflows/*.yaml"],
  // Version files that setup actions read (`node-version-file: .nvmrc`), and what `run:` steps
  // run: package.json scripts (in VERSION_FILE_GLOBS), Makefiles and repository shell scripts.
  reads: [...VERSION_FILE_GLOBS, ...FOLLOWED_GLOBS],
  extract: extractGithubActions,
} satisfies Format;
