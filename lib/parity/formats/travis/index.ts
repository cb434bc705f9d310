import type { Format } from "../../types";
import { FOLLOWED_GLOBS } from "../github-actions/follow";
import { extractTravis } from "./extract";

/**
 * Travis CI (`.travis.yml` at the repository root, or at the root of a project template's
 * `{{cookiecutter.x}}` folder): jobs, what they run and test, `services:` and `addons:`.
 */
export const travisFormat = {
  id: "travis",
  title: "Travis CI",
  patterns: [".travis.yml", "*/.travis.yml"],
  // What `script:` runs: package.json scripts, Makefiles and repository shell scripts.
  reads: [...FOLLOWED_GLOBS, "**/package.json"],
  extract: extractTravis,
} satisfies Format;
