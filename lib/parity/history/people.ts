import type { Person } from "../types";

/* Sources set `isBot`, but git-only sources see an email or a name: these catch the usual
 * automation accounts so a Dependabot bump never counts as a person's change or deploy. */
const BOT_ID = /(\[bot\]$|^dependabot|^renovate|^github-actions|^actions-user$)/i;

export function isBotPerson(person: Person | null | undefined): boolean {
  if (!person) return false;
  if (person.isBot) return true;
  return BOT_ID.test(person.id);
}

/** A person who is not a bot, or null. */
export function humanOrNull(person: Person | null | undefined): Person | null {
  if (!person || isBotPerson(person)) return null;
  return person;
}

/** Same person: ids compare case-insensitively (GitHub logins and emails are case-insensitive). */
export function samePerson(a: Person | null | undefined, b: Person | null | undefined): boolean {
  if (!a || !b) return false;
  return a.id.toLowerCase() === b.id.toLowerCase();
}

export function personKey(person: Person): string {
  return person.id.toLowerCase();
}
