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

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** FNV-1a 64-bit over the UTF-8 bytes of `text`, as 16 hex digits. Pure, no node:crypto. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, "0");
}

export function fingerprint(input: FingerprintInput): string {
  const environments = [...new Set(input.environments)].sort();
  // A version prefix lets the scheme change later without silently colliding with old values.
  const parts = ["v1", input.check, input.service ?? "", environments.join(","), input.subject ?? ""];
  return fnv1a64(parts.join("\u0000"));
}
