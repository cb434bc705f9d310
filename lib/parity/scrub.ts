import { REDACTED, redactText } from "./redact";

/*
 * The engine's last line of defence before anything leaves it: formats redact what they emit
 * (redact.ts), and every string a format or check hands over passes through `scrub` again, so a
 * format that forgets cannot leak a credential into a report, a PR comment or SARIF.
 */

/** Token shapes that are secrets whatever key holds them. */
const TOKEN_SHAPES: readonly RegExp[] = [
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA)[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\bnpm_[A-Za-z0-9]{30,}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{12,}/g,
];

const MAX_TEXT = 300;

/** All shapes in one pattern: one scan tells whether any replacement is needed (most text: none). */
const ANY_TOKEN_SHAPE = new RegExp(TOKEN_SHAPES.map((shape) => `(?:${shape.source})`).join("|"));

/**
 * Recent results, by input: an audit scrubs the same few strings again and again (engine names,
 * image refs, `DATABASE_URL` once per file that sets it) and each scrub runs several regexes.
 * Bounded (cleared when full) and keyed by the whole text, so a hit returns exactly what the
 * scrub would: only the time changes. Short texts only, so the cache stays small.
 */
const recent = new Map<string, string>();
const RECENT_MAX = 4096;
const RECENT_MAX_LENGTH = 200;

/** Redacts URL credentials, `secret=...` pairs and known token shapes; caps the length. */
export function scrub(text: string): string {
  if (text.length > RECENT_MAX_LENGTH) return scrubUncached(text);
  const known = recent.get(text);
  if (known !== undefined) return known;
  const result = scrubUncached(text);
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(text, result);
  return result;
}

function scrubUncached(text: string): string {
  let result = redactText(text);
  if (ANY_TOKEN_SHAPE.test(result)) {
    for (const shape of TOKEN_SHAPES) {
      result = result.replace(shape, (_match, scheme) =>
        typeof scheme === "string" && /^(Bearer|Basic)$/.test(scheme) ? `${scheme} ${REDACTED}` : REDACTED,
      );
    }
  }
  return result.length > MAX_TEXT ? `${result.slice(0, MAX_TEXT - 1)}…` : result;
}

/** A message for humans: its first line only (parsers append source excerpts below it), scrubbed. */
export function scrubMessage(message: string): string {
  const first = message.split("\n").find((line) => line.trim() !== "") ?? "";
  return scrub(first.trim());
}
