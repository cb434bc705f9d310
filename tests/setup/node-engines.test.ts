import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

/**
 * The Node.js versions the README promises (package.json `engines.node`) must be versions every
 * installed package accepts, or `npm ci` warns on them (EBADENGINE) and the promise is false.
 * Optional packages are platform builds that npm skips where they do not fit.
 */
const root = new URL("../../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL("package-lock.json", root), "utf8")) as {
  packages: Record<string, { version?: string; optional?: boolean; engines?: { node?: string } | string[] }>;
};
const readme = readFileSync(new URL("README.md", root), "utf8");

/** The lowest version of each `||` branch of a range: `^20.19.0 || >=22.12.0` -> 20.19.0, 22.12.0. */
function lowestOfEachBranch(range: string): string[] {
  return range.split("||").map((branch) => semver.minVersion(branch.trim())?.version ?? branch);
}

describe("the Node.js requirement", () => {
  const promised = lowestOfEachBranch(pkg.engines.node);

  it("is accepted by every package npm installs", () => {
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!path || entry.optional || !range) continue;
      for (const version of promised) {
        if (!semver.satisfies(version, range))
          refusing.push(`${path}@${entry.version} needs node ${range}, not ${version}`);
      }
    }
    expect(refusing).toEqual([]);
  });

  it("is the one the README states", () => {
    const lowest = semver.parse(promised[0]);
    expect(readme).toContain(`Node.js ${lowest?.major}.${lowest?.minor} or newer`);
  });
});
