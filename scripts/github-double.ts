import { seedAcme } from "../github-double/seed";
import { seedFixDemo } from "../github-double/seed-fix-demo";
import { seedUsers } from "../github-double/seed-users";
import { startGitHubDouble } from "../github-double/server";

/** Starts the GitHub double with the `acme` demo organisation: `tsx scripts/github-double.ts [--port N]`. */
function portArg(argv: readonly string[]): number {
  const index = argv.indexOf("--port");
  const value = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith("--port="))?.slice(7);
  const port = value === undefined ? 4010 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${value}`);
  return port;
}

// Sign-in users and two private repositories (github-double/seed-users.ts) for team-mode e2e, and
// the repository the fix e2e changes (github-double/seed-fix-demo.ts).
const now = new Date();
const world = seedFixDemo(seedUsers(seedAcme({ now })), now);
const double = await startGitHubDouble({ world, port: portArg(process.argv.slice(2)) });
console.log(`GITHUB_API_URL=${double.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    double.close().finally(() => process.exit(0));
  });
}
