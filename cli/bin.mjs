#!/usr/bin/env node
// The `parity` command. Runs the compiled bundle (dist/cli/, built by `npm ci` / `npm install`
// through scripts/build-cli.mjs) when it is there and no source it was built from changed since;
// otherwise, in a checkout, the TypeScript sources through tsx: the same engine either way.
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = new URL("../dist/cli/parity.mjs", import.meta.url);

/**
 * True when the bundle exists and, in a checkout (the sources are here), every source it was built
 * from is still there and none is newer. An installed package ships the bundle without sources.
 */
function bundleIsCurrent() {
  if (!existsSync(bundle)) return false;
  if (!existsSync(`${root}cli/main.ts`)) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(new URL("../dist/cli/inputs.json", import.meta.url), "utf8"));
  } catch {
    return true;
  }
  const built = statSync(bundle).mtimeMs;
  for (const input of inputs) {
    const stat = statSync(root + input, { throwIfNoEntry: false });
    if (stat === undefined || stat.mtimeMs > built) return false;
  }
  return true;
}

if (bundleIsCurrent()) await import(bundle.href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("./main.ts");
  process.exitCode = await main(process.argv.slice(2));
}
