import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { securityHeaders } from "./lib/security/headers";

export default function config(phase: string): NextConfig {
  return {
    // PGlite ships WASM and data files that must be loaded from node_modules at run time,
    // not bundled: without this, server code that opens the embedded database breaks.
    serverExternalPackages: ["@electric-sql/pglite"],
    poweredByHeader: false,
    // Next buffers a request's body for the proxy (proxy.ts) before the route sees it. No body the
    // proxied routes take comes near this (the JSON API caps its bodies at 16 kB, lib/http/body.ts);
    // the webhook route, which takes up to 5 MB, is left out of the proxy's matcher and reads its
    // stream itself.
    experimental: { proxyClientMaxBodySize: "64kb" },
    // Types are checked once, by `npm run typecheck` in the test run; checking them again in every
    // build costs a minute on a 2-core machine and reports the same errors twice.
    typescript: { ignoreBuildErrors: true },
    // CSP, frame-ancestors, referrer policy and friends on every response (docs/security.md).
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders({ dev: phase === PHASE_DEVELOPMENT_SERVER }) }];
    },
  };
}
