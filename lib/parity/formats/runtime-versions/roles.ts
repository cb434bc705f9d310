import type { ServiceUse } from "../../types";

/**
 * The `name` of a runtime use that states a minimum version rather than what runs: go.mod's `go`
 * line, a `package.json` `engines` floor (`>=22`), composer.json's `require.php`. Every
 * environment that builds the project must run at least this version (Go with
 * `GOTOOLCHAIN=local`, as the official images set it, refuses to build the module; pnpm and
 * Composer refuse to install), so it is compared as a floor, never as a version that runs.
 */
export const MINIMUM = "minimum";

export function isMinimum(use: Pick<ServiceUse, "kind" | "name">): boolean {
  return use.kind === "runtime" && use.name === MINIMUM;
}

/**
 * The `name` of a runtime version documentation tells readers to install (README, CONTRIBUTING,
 * an install guide): compared only with the minimums above, never as a version that runs.
 */
export const DOCUMENTED = "documentation";

export function isDocumented(use: Pick<ServiceUse, "kind" | "name">): boolean {
  return use.kind === "runtime" && use.name === DOCUMENTED;
}

/** `1.25` vs `1.22`: negative when `a` is older. Versions are at the catalog's granularity. */
export function compareRuntimeVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
