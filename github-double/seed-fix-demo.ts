import { seedRepository } from "./seed";
import { paymentsFiles } from "./seed-files/payments";
import type { World } from "./world";

/**
 * The repository the fix e2e changes (e2e/fix-pull-request.spec.ts): its own, so merging a fix
 * into it moves no other spec's numbers. Not in SEED_TEMPLATES: the demo organisation and the
 * org-sweep bench stay as they are. Not installed on the App: local mode's GITHUB_TOKEN writes.
 */
export const FIX_DEMO_REPOSITORY = "acme/payments";

export function seedFixDemo(world: World, now: Date): World {
  seedRepository(
    world,
    "acme",
    {
      name: "payments",
      files: paymentsFiles,
      appFiles: ["src/index.js", "README.md"],
      commitsPerWeek: 3,
      deploy: { kind: "on-merge" },
      deployWorkflow: ".github/workflows/deploy.yml",
    },
    { now, installationId: null, seed: 41 },
  );
  return world;
}
