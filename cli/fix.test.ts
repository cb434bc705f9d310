import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import type { Report } from "../lib/parity/types";
import { parity, shop } from "./__tests__/run-parity";

const run = promisify(execFile);
const temporary: string[] = [];

/** A writable copy of the shop fixture (the fixture itself is never changed). */
function copyOfShop(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "parity-fix-")), "shop");
  cpSync(shop, dir, { recursive: true });
  temporary.push(path.dirname(dir));
  return dir;
}

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

describe("parity fix", () => {
  it("writes the verified fixes; the audit no longer reports them; a second run changes nothing", async () => {
    const dir = copyOfShop();
    const before = JSON.parse((await parity("audit", dir, "--format", "json", "--no-history")).stdout) as Report;
    const { code, stdout, stderr } = await parity("fix", dir);
    expect(code).toBe(0);
    expect(stdout).toContain("fixed  service-version");
    expect(stdout).toMatch(/tools score 54 -> 85/);
    expect(stderr).toMatch(/not fixed {2}db-engine [0-9a-f]+: no mechanical change/);
    expect(read(dir, "docker-compose.yml")).toBe(
      read(shop, "docker-compose.yml")
        .replace("postgres:13-alpine", "postgres:16-alpine")
        .replace("redis:latest", "redis:7"),
    );
    expect(read(dir, ".nvmrc")).toBe("20\n");
    expect(read(dir, ".github/workflows/ci.yml")).toBe(
      read(shop, ".github/workflows/ci.yml").replace("postgres:14", "postgres:16"),
    );
    const after = JSON.parse((await parity("audit", dir, "--format", "json", "--no-history")).stdout) as Report;
    const gone = ["service-version", "ci-services", "runtime-version"];
    expect(after.findings.filter((finding) => gone.includes(finding.check))).toEqual([]);
    const known = new Set(before.findings.map((finding) => finding.fingerprint));
    expect(after.findings.filter((finding) => !known.has(finding.fingerprint))).toEqual([]);

    const again = await parity("fix", dir);
    expect(again.stdout).toContain("nothing to fix mechanically");
    expect(read(dir, ".nvmrc")).toBe("20\n");
  });

  it("prints a patch git applies, and writes nothing with --format patch or --dry-run", async () => {
    const dir = copyOfShop();
    const { code, stdout } = await parity("fix", dir, "--format", "patch");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^--- a\/\.github\/workflows\/ci\.yml\n\+\+\+ b\/\.github\/workflows\/ci\.yml\n@@ /);
    expect(stdout).toContain("-    image: postgres:13-alpine\n+    image: postgres:16-alpine\n");
    const dry = await parity("fix", dir, "--dry-run");
    expect(dry.stdout).toContain("would fix  runtime-version");
    expect(read(dir, ".nvmrc")).toBe("18\n");
    const patchFile = path.join(path.dirname(dir), "fix.patch");
    writeFileSync(patchFile, stdout);
    await run("git", ["apply", patchFile], { cwd: dir });
    expect(read(dir, ".nvmrc")).toBe("20\n");
    expect(read(dir, "docker-compose.yml")).toContain("image: redis:7\n");
  });

  it("fixes only the checks and findings asked for, and fails when one of them has no fix", async () => {
    const dir = copyOfShop();
    const only = await parity("fix", dir, "--check", "unpinned-image", "--dry-run");
    expect(only.stdout).toContain("unpinned-image");
    expect(only.stdout).not.toContain("service-version");
    expect(only.code).toBe(1);
    expect(only.stderr).toMatch(/not fixed {2}unpinned-image [0-9a-f]+: prod names no version/);
    const report = JSON.parse((await parity("audit", dir, "--format", "json", "--no-history")).stdout) as Report;
    const finding = report.findings.find((item) => item.check === "service-version");
    const one = await parity("fix", dir, "--finding", finding?.fingerprint.slice(0, 8) ?? "");
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(`fixed  service-version ${finding?.fingerprint}`);
    expect(read(dir, ".nvmrc")).toBe("18\n");
    expect((await parity("fix", dir, "--finding", "abcdef12")).stderr).toMatch(/no finding has this fingerprint/);
  });

  it.each([
    [["fix", "owner/repo"], /works on a local checkout/],
    [["fix", ".", "--format", "json"], /--format of parity fix must be text or patch/],
    [["fix", ".", "--finding", "xyz"], /--finding takes a fingerprint/],
    [["fix", ".", "--fail-under", "50"], /--fail-under is an option of parity audit/],
    [["audit", ".", "--dry-run"], /--dry-run is an option of parity fix/],
  ])("refuses %j with a sentence and exit code 2", async (args, message) => {
    const { code, stderr } = await parity(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
