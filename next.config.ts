import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time,
  // not bundled: without this, server code that opens the embedded database breaks.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` in the test run; checking them again in every
  // build costs a minute on a 2-core machine and reports the same errors twice.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
