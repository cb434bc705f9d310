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

/**
 * Values that only stand in for a secret in a template: `changeme`, `replace-me-with-…`,
 * `<your-key>`, `your_token_here`, `xxx`, `dummy`, `example`. Showing one leaks nothing.
 */
const PLACEHOLDER =
  /^(?:<[^<>]*>|\[[^\]]*\]|x{3,}|\*{3,}|\.{3}|(?:please[-_ ]?)?(?:change|replace|set|update)[-_ ]?(?:me|it|this)(?:[-_ .].*)?|your[-_ ].*|.*[-_ ](?:change[-_]?me|here)|(?:dummy|fake|example|placeholder|sample|todo|tbd)(?:[-_ .].*)?|none|null|secret|password|key)$/i;

export function isPlaceholderValue(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/**
 * Values under a secret-looking key that are not a credential, so they may be shown: a flag
 * (`PASSWORD_RESET_DISABLED: 1`), a file path (`/run/secrets/db_password`), or the name of a
 * variable or Secret key holding the credential (`userPasswordKey: POSTGRES_USER_PASSWORD`), or
 * a token a script substitutes (`GOOGLE_API_KEY: GOOGLE_API_KEY_VAL`).
 */
export function isNonCredentialValue(key: string, value: string): boolean {
  const text = value.trim();
  if (/^(?:true|false|yes|no|on|off|enabled|disabled|0|1)$/i.test(text)) return true;
  if (/^(?:\.{0,2}|~)\/[\w.@-]+(?:\/[\w.@-]+)+$/.test(text)) return true;
  if (!/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(text)) return false;
  // `GOOGLE_API_KEY: GOOGLE_API_KEY_VAL`: a token a deploy script substitutes.
  return /(?:Key|Name|Ref)$/.test(key) || text.includes(key.toUpperCase());
}

/**
 * A value shown beside a key: secret keys lose their value, URLs lose their credentials. What is
 * no credential under a secret key (a placeholder, a flag, a path, a variable's name) is shown,
 * so the checks can tell it from a committed secret.
 */
export function redactValue(key: string, value: string): string {
  if (isSecretKey(key) && value !== "") {
    return isPlaceholderValue(value) || isNonCredentialValue(key, value) ? value.trim() : REDACTED;
  }
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
