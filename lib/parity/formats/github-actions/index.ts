import type { Format } from "../../types";
import { extractGithubActions } from "./extract";
import { VERSION_FILE_GLOBS } from "./setup-actions";

export const githubActionsFormat = {
  id: "github-actions",
  title: "GitHub Actions workflows",
  patterns: [".github/workflows/*.yml", ".github/workflows/*.yaml"],
  // Version files that setup actions read (`node-version-file: .nvmrc`).
  reads: VERSION_FILE_GLOBS,
  extract: extractGithubActions,
} satisfies Format;
