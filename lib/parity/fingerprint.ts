import type { Environment } from "./types";

/**
 * A finding's identity across commits (docs/parity-model.md section 5): check id + service
 * (`kind:engine`) + the sorted environments, plus an optional subject (a file path for
 * parse errors). Never line numbers, so a finding keeps its fingerprint when lines move.
 */
export interface FingerprintInput {
  check: string;
  service?: string | undefined;
  environments: readonly Environment[];
  subject?: string | undefined;
}

/** The FNV-1a 64-bit offset basis 0xcbf29ce484222325, as two 32-bit halves. */
const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;
/** The low part of the FNV 64-bit prime 2^40 + 0x1b3. */
const PRIME_LO = 0x1b3;
const TWO_32 = 0x100000000;

/**
 * FNV-1a 64-bit over the UTF-8 bytes of `text`, as 16 hex digits. Pure, no node:crypto.
 *
 * The 64-bit state is two 32-bit halves: multiplying by the prime 2^40 + 0x1b3 is `lo * 0x1b3`
 * (exact in a double, below 2^41) plus, in the high half, `hi * 0x1b3 + (lo << 8)` and the low
 * product's carry, all modulo 2^32. The bytes are those TextEncoder writes (a lone surrogate
 * becomes U+FFFD), encoded in the loop rather than into a buffer, and no BigInt is created per
 * byte: the same digits as the BigInt version this replaced (fingerprint.test.ts compares them).
 */
export function fnv1a64(text: string): string {
  hi = OFFSET_HI;
  lo = OFFSET_LO;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      mix(code);
      continue;
    }
    if (code < 0x800) {
      mix(0xc0 | (code >> 6));
      mix(0x80 | (code & 0x3f));
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
        mix(0xf0 | (code >> 18));
        mix(0x80 | ((code >> 12) & 0x3f));
        mix(0x80 | ((code >> 6) & 0x3f));
        mix(0x80 | (code & 0x3f));
        continue;
      }
      code = 0xfffd;
    }
    mix(0xe0 | (code >> 12));
    mix(0x80 | ((code >> 6) & 0x3f));
    mix(0x80 | (code & 0x3f));
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/**
 * The state of the hash `fnv1a64` is computing, high and low 32 bits (unsigned). Module state
 * rather than a closure: `fnv1a64` runs to completion without calling out, so nothing else sees
 * it, and a plain function over it costs nothing per call where a closure is allocated per hash.
 */
let hi = OFFSET_HI;
let lo = OFFSET_LO;

/** One byte into the hash: xor, then multiply by the prime modulo 2^64. */
function mix(byte: number): void {
  lo = (lo ^ byte) >>> 0;
  const low = lo * PRIME_LO;
  const nextLo = low >>> 0;
  hi = (Math.imul(hi, PRIME_LO) + (lo << 8) + (low - nextLo) / TWO_32) >>> 0;
  lo = nextLo;
}

export function fingerprint(input: FingerprintInput): string {
  const environments = [...new Set(input.environments)].sort();
  // A version prefix lets the scheme change later without silently colliding with old values.
  const parts = ["v1", input.check, input.service ?? "", environments.join(","), input.subject ?? ""];
  return fnv1a64(parts.join("\u0000"));
}
