/**
 * Runs once when the server starts. The literal NEXT_RUNTIME check below is how Next
 * drops Node-only code from the edge bundle, so it is the one environment read outside
 * lib/env.ts (lib/env.test.ts allows exactly this line).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
  }
}
