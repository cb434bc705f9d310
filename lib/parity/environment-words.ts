import type { Environment } from "./types";

/**
 * Words that name an environment in a path or a file name, by precedence: a path with words of
 * two groups gets the first. One list for the path rules (classify.ts) and the formats
 * that place a file by its path before its content (compose, Dockerfiles); docs/parity-model.md §1.
 */
export const ENVIRONMENT_WORDS: readonly (readonly [Environment, readonly string[]])[] = [
  ["prod", ["prod", "production", "prd", "live"]],
  ["staging", ["staging", "stage", "stg", "preprod", "uat", "qa"]],
  ["test", ["test", "tests", "testing", "e2e", "cypress", "playwright"]],
  ["ci", ["ci"]],
  ["dev", ["dev", "development", "local", "override", "devcontainer"]],
  // Last: `deploy/staging/compose.yml` is staging, `docker-compose.deploy.yml` prod.
  ["prod", ["selfhost", "selfhosted", "selfhosting", "deploy"]],
];

/** Each word's group (its index above): one lookup per token, called for every file placed. */
export const ENVIRONMENT_WORD_RANK: ReadonlyMap<string, number> = new Map(
  ENVIRONMENT_WORDS.flatMap(([, words], rank) => words.map((word): [string, number] => [word, rank])),
);
