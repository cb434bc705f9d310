import { engineLabel } from "@/lib/parity/catalog";
import { isDocumented, isMinimum } from "@/lib/parity/formats/runtime-versions/roles";
import type { ServiceUse } from "@/lib/parity/types";

/**
 * One service in one environment can be named by several files: `adapter: postgresql` without a
 * version and Terraform's `engine_version = "16.3"` are one PostgreSQL 16, not two entries; an
 * in-memory cache in the settings and a REDIS_URL in `.env.example` are two alternatives, of which
 * configuration picks one. This groups a cell's uses into entries (one per engine, or per version
 * when the files name several) and says which one the cell shows.
 */
export interface UseEntry {
  label: string;
  engine: string;
  version: string | null;
  /** `runs`, or a version only stated (a minimum, a version the docs name): never what runs. */
  role: "runs" | "minimum" | "docs";
  uses: ServiceUse[];
}

function roleOf(use: ServiceUse): UseEntry["role"] {
  if (isMinimum(use)) return "minimum";
  if (isDocumented(use)) return "docs";
  return "runs";
}

/** `PostgreSQL 16`, `S3 (MinIO)`, `Redis (unpinned)` (only when no file pins it). */
function entryLabel(entry: Omit<UseEntry, "label">): string {
  let label = engineLabel(entry.engine);
  if (entry.role === "minimum") return `${label} >= ${entry.version ?? "?"} (minimum)`;
  if (entry.role === "docs") return `${label} ${entry.version ?? "?"} (docs)`;
  if (entry.version) label += ` ${entry.version}`;
  const emulator = entry.uses.find((use) => use.emulator)?.emulator;
  if (emulator) label += ` (${emulator})`;
  if (entry.uses.every((use) => use.pinned === false)) label += " (unpinned)";
  return label;
}

/** Entries in the order the files name them; a use without a version joins its engine's first entry. */
export function groupUses(uses: readonly ServiceUse[]): UseEntry[] {
  const entries: UseEntry[] = [];
  for (const use of uses.filter((u) => u.version || roleOf(u) !== "runs")) {
    const role = roleOf(use);
    const entry = entries.find((e) => e.engine === use.engine && e.version === use.version && e.role === role);
    if (entry) entry.uses.push(use);
    else entries.push({ label: "", engine: use.engine, version: use.version, role, uses: [use] });
  }
  for (const use of uses.filter((u) => !u.version && roleOf(u) === "runs")) {
    const entry = entries.find((e) => e.engine === use.engine && e.role === "runs");
    if (entry) entry.uses.push(use);
    else entries.push({ label: "", engine: use.engine, version: null, role: "runs", uses: [use] });
  }
  const order = (entry: UseEntry) => uses.indexOf(entry.uses[0] as ServiceUse);
  return entries.sort((a, b) => order(a) - order(b)).map((entry) => ({ ...entry, label: entryLabel(entry) }));
}

/** The entry differs from the reference: another engine, or a version the reference does not name. */
export function entryDiffers(entry: UseEntry, reference: readonly ServiceUse[]): boolean {
  const sameEngine = reference.filter((use) => use.engine === entry.engine);
  if (sameEngine.length === 0) return true;
  const versions = sameEngine.flatMap((use) => (use.version ? [use.version] : []));
  return entry.version !== null && versions.length > 0 && !versions.includes(entry.version);
}

/**
 * The entry a cell shows: what runs before what is only stated, and among what runs the first that
 * differs from the reference (what its drift is about), else the first.
 */
export function shownEntry(entries: readonly UseEntry[], reference: readonly ServiceUse[] | null): UseEntry | null {
  const runs = entries.filter((entry) => entry.role === "runs");
  if (reference) {
    const differing = runs.find((entry) => entryDiffers(entry, reference));
    if (differing) return differing;
  }
  return runs[0] ?? entries[0] ?? null;
}
