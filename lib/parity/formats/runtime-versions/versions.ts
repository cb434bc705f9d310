import semver from "semver";
import { NODE_LTS, normalizeVersion } from "../../catalog";

/** A runtime version as a file writes it, reduced to the model's granularity. */
export interface RuntimeVersion {
  version: string | null;
  /** False when the file names a moving target (`lts/*`, `latest`, `system`, `node`). */
  pinned: boolean;
}

const FLOATING = /^(latest|stable|system|current|node|lts|lts\/\*|\*|ref:.*|path:.*)$/i;

/** `v20.11.0`, `20`, `lts/iron` -> 20; `lts/*`, `node` -> unknown and floating. */
export function nodeVersion(text: string): RuntimeVersion {
  const value = text.trim().toLowerCase();
  const lts = /^lts\/([a-z]+)$/.exec(value)?.[1];
  if (lts) {
    const major = NODE_LTS[lts];
    return major ? { version: major, pinned: true } : { version: null, pinned: false };
  }
  return plainVersion("node", value);
}

/** Any `1.2.3`-like text (leading `v`, `ruby-`, `python-`, `go` prefixes allowed). */
export function plainVersion(engine: string, text: string): RuntimeVersion {
  const value = text.trim();
  if (!value || FLOATING.test(value)) return { version: null, pinned: false };
  const match = /^(?:[a-z][a-z0-9]*-)*(?:v|go)?(\d+(?:\.\d+)*)/i.exec(value);
  if (!match) return { version: null, pinned: false };
  return { version: normalizeVersion(engine, match[1]), pinned: true };
}

/**
 * `engines.node` is a range: what it says about the runtime is a version only when it allows one
 * major (`^20.10.0`, `20.x`, `>=20 <21`), so `>=18.17 <21` or `20 || 22 || 24` names none (the
 * developer may run any of them) and an open floor (`>=12`) says nothing about what runs. A range
 * is a constraint, never a pin.
 */
export function rangeVersion(engine: string, range: string): RuntimeVersion {
  const text = range.trim();
  if (text === "*" || text === "") return { version: null, pinned: false };
  try {
    const min = semver.minVersion(text);
    if (!min) return { version: null, pinned: false };
    if (semver.intersects(text, `>=${min.major + 1}.0.0-0`)) return { version: null, pinned: false };
    return { version: normalizeVersion(engine, `${min.major}.${min.minor}`), pinned: false };
  } catch {
    return { version: null, pinned: false };
  }
}

/**
 * The lowest version a range allows, at the engine's granularity (`>=22` -> 22, `>=18.17 <23` ->
 * 18, `^8.2` -> 8.2 for PHP). Null for no floor (`*`, `>=0`) or text that is not a range.
 */
export function floorVersion(engine: string, range: string): string | null {
  const text = range.trim();
  if (text === "*" || text === "") return null;
  try {
    const min = semver.minVersion(text, { loose: true });
    if (!min || (min.major === 0 && min.minor === 0)) return null;
    return normalizeVersion(engine, `${min.major}.${min.minor}`);
  } catch {
    return null;
  }
}
