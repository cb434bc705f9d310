import { ENVIRONMENT_WORD_RANK as RANK, ENVIRONMENT_WORDS as WORDS } from "../../environment-words";
import type { Environment } from "../../types";

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
