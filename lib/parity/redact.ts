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

/*
 * Replacements are `$n` patterns rather than callbacks: the same text (every group always takes
 * part in a match, so none is undefined), without a function call and match array per match.
 */

/** `postgres://user:pw@host/db` -> `postgres://user:***@host/db`; query secrets too. */
export function redactUrl(url: string): string {
  // The credential patterns need an `@`, the query one an `=`: a string check skips the regexes
  // that most values (`redis://cache:6379/0`) cannot match.
  let redacted = url;
  if (redacted.includes("@") && redacted.includes("://")) {
    const withPassword = redacted.replace(/^([a-z][a-z0-9+.:-]*:\/\/)([^/@\s:]*):([^@\s]*)@/i, `$1$2:${REDACTED}@`);
    // Once `user:***@` is in place the user-only pattern cannot match (its user has no `:`).
    redacted =
      withPassword !== redacted
        ? withPassword
        : redacted.replace(/^([a-z][a-z0-9+.:-]*:\/\/)([^/@\s:]+)@/i, `$1${REDACTED}@`);
  }
  if (!redacted.includes("=")) return redacted;
  return redacted.replace(/([?&](?:password|pass|pwd|secret|token|key|sslpassword)=)[^&\s]*/gi, `$1${REDACTED}`);
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
  // Most text holds neither: cheap scans spare the costlier capturing patterns below. The URL
  // pattern needs `://` and `@`, the pair pattern a secret word; the URL replacement adds
  // neither, so each test on the original text decides for its own pattern.
  const hasCredentialUrl = text.includes("://") && text.includes("@");
  const hasSecretWord = SECRET_WORD.test(text);
  if (!hasCredentialUrl && !hasSecretWord) return text;
  let redacted = text;
  if (hasCredentialUrl) {
    redacted = redacted.replace(/([a-z][a-z0-9+.-]*:\/\/)([^/@\s:'"]*):([^@\s'"]*)@/gi, `$1$2:${REDACTED}@`);
  }
  if (!hasSecretWord) return redacted;
  return redacted.replace(
    /\b([A-Za-z0-9_.-]*(?:pass(?:word|wd)?|secret|token|api[_-]?key|private[_-]?key|access[_-]?key)[A-Za-z0-9_.-]*)(\s*[:=]\s*)(["']?)([^\s"',}]+)\3/gi,
    `$1$2$3${REDACTED}$3`,
  );
}
