import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

/**
 * The few primitives sign-in needs, on node:crypto only: random tokens, HMAC-signed cookie values,
 * AES-256-GCM for the user tokens kept in sessions, and PKCE. Keys are derived from
 * PARITY_SESSION_SECRET with HKDF, one per purpose, so the cookie key never encrypts anything.
 */

type Purpose = "cookie" | "token" | "oauth-state";

function key(secret: string, purpose: Purpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "parity", `parity ${purpose} v1`, 32));
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function mac(secret: string, purpose: Purpose, value: string): string {
  return createHmac("sha256", key(secret, purpose)).update(value).digest("base64url");
}

/** `value.signature`: the value must be base64url (no dots), as every value signed here is. */
export function sign(value: string, secret: string, purpose: Purpose = "cookie"): string {
  return `${value}.${mac(secret, purpose, value)}`;
}

/** The value when the signature is ours, null for anything else (tampered, truncated, foreign). */
export function verify(signed: string | undefined | null, secret: string, purpose: Purpose = "cookie"): string | null {
  if (!signed) return null;
  const dot = signed.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1), "base64url");
  const expected = Buffer.from(mac(secret, purpose, value), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return value;
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, all base64url. */
export function encrypt(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret, "token"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plain text, or null when the ciphertext was altered or made with another secret. */
export function decrypt(sealed: string, secret: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret, "token"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** RFC 7636 S256: the verifier stays with us, the challenge goes to GitHub. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomToken(48);
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}
