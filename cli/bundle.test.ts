import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * The packaged CLI (issue: Parity in every team's CI): the compiled bundle scripts/build-cli.mjs
 * makes says what the TypeScript sources say, needs no installed package at all, and is what
 * `npm pack` ships beside the launcher.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const shop = path.join(root, "cli", "__fixtures__", "shop");
const scratch = mkdtempSync(path.join(tmpdir(), "parity-bundle-"));
const outdir = path.join(scratch, "dist", "cli");

beforeAll(async () => {
  await run(process.execPath, [path.join(root, "scripts", "build-cli.mjs"), "--outdir", outdir], { cwd: root });
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A report without the two fields that differ between any two runs. */
function comparable(json: string): unknown {
  const { auditedAt: _at, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return rest;
}

describe("the compiled CLI", () => {
  it("reports exactly what the sources report", async () => {
    const args = ["audit", shop, "--format", "json", "--no-history"];
    const bundled = await run(process.execPath, [path.join(outdir, "parity.mjs"), ...args], { cwd: scratch });
    const sources = await run(process.execPath, ["--import", "tsx", path.join(root, "cli", "run.ts"), ...args], {
      cwd: root,
    });
    expect(comparable(bundled.stdout)).toEqual(comparable(sources.stdout));
  }, 60_000);

  it("runs where no node_modules can be found (it needs no installed package)", async () => {
    const ancestors = outdir.split(path.sep).map((_, at, parts) => parts.slice(0, at + 1).join(path.sep) || path.sep);
    expect(ancestors.filter((dir) => existsSync(path.join(dir, "node_modules")))).toEqual([]);
    const { stdout } = await run(process.execPath, [path.join(outdir, "parity.mjs"), "--version"], { cwd: scratch });
    expect(stdout).toMatch(/^parity \d+\.\d+\.\d+\n$/);
  });

  it("lists the sources it was built from, for the launcher's staleness check", () => {
    const inputs = JSON.parse(readFileSync(path.join(outdir, "inputs.json"), "utf8")) as string[];
    expect(inputs).toContain("cli/main.ts");
    expect(inputs.some((input) => input.startsWith("lib/parity/"))).toBe(true);
    expect(inputs.filter((input) => input.includes("node_modules"))).toEqual([]);
  });
});

describe("the packed package", () => {
  it("ships the launcher and the bundle, and runs from the unpacked tarball with no dependencies installed", async () => {
    const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", scratch], {
      cwd: root,
    });
    const [manifest] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = manifest?.files.map((file) => file.path) ?? [];
    expect(files).toContain("cli/bin.mjs");
    expect(files).toContain("dist/cli/parity.mjs");
    expect(files.filter((file) => file.endsWith(".ts"))).toEqual([]);
    const unpacked = path.join(scratch, "unpacked");
    await run("mkdir", ["-p", unpacked]);
    await run("tar", ["-xzf", path.join(scratch, manifest?.filename ?? ""), "-C", unpacked]);
    const bin = path.join(unpacked, "package", "cli", "bin.mjs");
    const version = await run(process.execPath, [bin, "--version"], { cwd: unpacked });
    expect(version.stdout).toMatch(/^parity \d+\.\d+\.\d+\n$/);
    const audited = await run(process.execPath, [bin, "audit", shop, "--format", "json", "--no-history"], {
      cwd: unpacked,
    });
    expect((JSON.parse(audited.stdout) as { repository: string }).repository).toBe("shop");
  }, 120_000);

  it("installs from the tarball into an empty directory, where `npx parity` runs the bundle", async () => {
    const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", scratch], {
      cwd: root,
    });
    const [manifest] = JSON.parse(packed.stdout) as { filename: string }[];
    const project = path.join(scratch, "project");
    await run("mkdir", ["-p", project]);
    await run("npm", ["init", "-y"], { cwd: project });
    // From npm's cache when it has the packages (CI's `npm ci` filled it), else from the registry.
    await run(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(scratch, manifest?.filename ?? "")],
      { cwd: project, timeout: 400_000 },
    );
    const { stdout } = await run("npx", ["--no-install", "parity", "audit", shop, "--format", "json", "--no-history"], {
      cwd: project,
    });
    expect((JSON.parse(stdout) as { repository: string }).repository).toBe("shop");
  }, 420_000);
});
