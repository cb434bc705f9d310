import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A pid file beside the PGlite data: refuses a second live process on the same directory
 * (PGlite is single-process) and takes over a lock left by a process that died.
 */
export function acquireDirectoryLock(directory: string): () => void {
  const lockFile = path.join(directory, "parity.pid");
  const holder = readHolder(lockFile);
  if (holder !== null && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database at ${directory} is in use by process ${holder}. ` +
        "Stop that process, set PARITY_DATA_DIR to another directory, or set DATABASE_URL to share a PostgreSQL server.",
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return () => {
    if (readHolder(lockFile) === process.pid) rmSync(lockFile, { force: true });
  };
}

function readHolder(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
