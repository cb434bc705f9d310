/**
 * Secrets read from repositories are never stored or shown. Every value that leaves the engine
 * (raw text, evidence, literals) passes through these functions.
 */

const SECRET_KEY =
  /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|auth|access[_-]?key|signing|salt|dsn|session[_-]?key|encryption)/i;

export const REDACTED = "***";

/** True for keys whose values must never be shown (`DB_PASSWORD`, `STRIPE_SECRET_KEY`). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** `postgres://user:pw@host/db` -> `postgres://user:***@host/db`; query secrets too. */
export function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.:-]*:\/\/)([^/@\s:]*):([^@\s]*)@/i, (_m, scheme, user) => `${scheme}${user}:${REDACTED}@`)
    .replace(/^([a-z][a-z0-9+.:-]*:\/\/)([^/@\s:]+)@/i, (_m, scheme) => `${scheme}${REDACTED}@`)
    .replace(/([?&](?:password|pass|pwd|secret|token|key|sslpassword)=)[^&\s]*/gi, `$1${REDACTED}`);
}

/** A value shown beside a key: secret keys lose their value, URLs lose their credentials. */
export function redactValue(key: string, value: string): string {
  if (isSecretKey(key) && value !== "") return REDACTED;
  return redactText(value);
}

/** The key words of `KEY=secret` pairs in redactText (a superset test: no word, no pair). */
const SECRET_WORD = /pass|secret|token|api[_-]?key|private[_-]?key|access[_-]?key/i;

/** Redacts credentials inside URLs anywhere in a line of text, and `KEY=secret` pairs. */
export function redactText(text: string): string {
  // Most text holds neither: one cheap scan each spares the costlier capturing patterns below.
  const hasUrl = text.includes("://");
  if (!hasUrl && !SECRET_WORD.test(text)) return text;
  return text
    .replace(
      /([a-z][a-z0-9+.-]*:\/\/)([^/@\s:'"]*):([^@\s'"]*)@/gi,
      (_m, scheme, user) => `${scheme}${user}:${REDACTED}@`,
    )
    .replace(
      /\b([A-Za-z0-9_.-]*(?:pass(?:word|wd)?|secret|token|api[_-]?key|private[_-]?key|access[_-]?key)[A-Za-z0-9_.-]*)(\s*[:=]\s*)(["']?)([^\s"',}]+)\3/gi,
      (_m, key, sep, quote) => `${key}${sep}${quote}${REDACTED}${quote}`,
    );
}
