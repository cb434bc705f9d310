import type { Environment } from "../../types";

/**
 * Words that name an environment, by precedence: the path rules' list (docs/parity-model.md §1,
 * `lib/parity/inventory/classify.ts`), which formats cannot import. A compose file or Dockerfile
 * whose path says an environment is placed by the path, before anything its content says.
 */
const WORDS: readonly (readonly [Environment, readonly string[]])[] = [
  ["prod", ["prod", "production", "prd", "live"]],
  ["staging", ["staging", "stage", "stg", "preprod", "uat", "qa"]],
  ["test", ["test", "tests", "testing", "e2e", "cypress", "playwright"]],
  ["ci", ["ci"]],
  ["dev", ["dev", "development", "local", "override", "devcontainer"]],
  // Last: `deploy/staging/compose.yml` is staging, `docker-compose.deploy.yml` prod.
  ["prod", ["selfhost", "selfhosted", "selfhosting", "deploy"]],
];

const RANK = new Map<string, number>(
  WORDS.flatMap(([, words], rank) => words.map((word): [string, number] => [word, rank])),
);

/** The environment the words of `text` name, with the word, or null. */
export function wordEnvironment(text: string): [Environment, string] | null {
  let best = WORDS.length;
  let word = "";
  for (const token of text.toLowerCase().split(/[^a-z0-9]+/)) {
    const rank = token === "" ? undefined : RANK.get(token);
    if (rank !== undefined && rank < best) {
      best = rank;
      word = token;
    }
  }
  const environment = WORDS[best]?.[0];
  return environment ? [environment, word] : null;
}

/** The environment a compose file's or Dockerfile's path names (`dockerfile` itself names none). */
export function pathEnvironment(path: string): [Environment, string] | null {
  return wordEnvironment(path.replace(/dockerfile/gi, " "));
}
