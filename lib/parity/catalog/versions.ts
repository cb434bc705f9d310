import { engineGranularity, engineKind } from "./engines";

/**
 * Reduces a version to the granularity where behaviour changes (docs/parity-model.md §2):
 * `16.2` -> `16` for postgres, `8.0.36` -> `8.0` for mysql, `9.6.24` -> `9.6` (old postgres
 * numbered majors with two parts), `>=18.17` -> `18` for node. Returns null when no number, and
 * for a runtime versioned by minor given only a major (`3` for Python).
 */
export function normalizeVersion(engine: string, raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  const match = /(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return null;
  const major = match[1] as string;
  const minor = match[2];
  if (engine === "postgres" && Number(major) < 10 && minor !== undefined) return `${major}.${minor}`;
  if (engineGranularity(engine) === "minor") {
    if (minor !== undefined) return `${major}.${minor}`;
    // `python-version: 3.x`, `.python-version: 3`: any Python 3, not a version at the runtime's
    // granularity. A server's bare major (`mysql:8`) still says its major.
    return engineKind(engine) === "runtime" ? null : major;
  }
  return major;
}

/**
 * Distance between two normalized versions, for severity: 0 same, 1 adjacent, n majors apart.
 * Null when either is unknown.
 */
export function versionDistance(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  const [aMajor = 0, aMinor = 0] = a.split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = b.split(".").map(Number);
  if (aMajor !== bMajor) return Math.abs(aMajor - bMajor);
  return aMinor === bMinor ? 0 : 0.5;
}
