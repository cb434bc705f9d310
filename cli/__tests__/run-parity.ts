import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const root = path.resolve(import.meta.dirname, "..", "..");
export const shop = path.join(root, "cli", "__fixtures__", "shop");

/** Runs the real `parity` binary, as `npx parity` does; a non-zero exit resolves with its code. */
export async function parity(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, "cli", "bin.mjs"), ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
