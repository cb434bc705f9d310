/*
 * What a file must look like before a format sees it. Sources hand the engine strings; a source
 * that met invalid UTF-8 decodes it with replacement characters (TextDecoder's default), so
 * several U+FFFD or a lone surrogate in the content mean "not valid UTF-8" and the file is
 * skipped; a single U+FFFD is a character the file holds.
 */

export const MAX_FILE_BYTES = 1024 * 1024;

export type Prepared = { ok: true; content: string } | { ok: false; reason: string };

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

export function prepareContent(raw: string): Prepared {
  // UTF-8 never takes fewer bytes than UTF-16 code units, nor more than three per unit, so the
  // length alone rules out huge files and clears most others without counting bytes.
  if (raw.length > MAX_FILE_BYTES || (raw.length * 3 > MAX_FILE_BYTES && utf8Length(raw) > MAX_FILE_BYTES)) {
    return { ok: false, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  }
  if (raw.includes("\u0000")) return { ok: false, reason: "binary content (NUL byte)" };
  // The surrogate range test is a quick scan; the Unicode-aware one (lone surrogates only) is not.
  if (isUndecodable(raw)) return { ok: false, reason: "not valid UTF-8" };
  const content = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return { ok: true, content: content.includes("\r") ? content.replace(/\r\n?/g, "\n") : content };
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A valid UTF-8 file may hold a literal U+FFFD (a test string, a placeholder glyph): one is text.
 * What a decoder left behind is several (every invalid byte becomes one), or a lone surrogate.
 */
function isUndecodable(raw: string): boolean {
  const first = raw.indexOf("\uFFFD");
  if (first >= 0 && raw.indexOf("\uFFFD", first + 1) >= 0) return true;
  return SURROGATE.test(raw) && /\p{Cs}/u.test(raw);
}
