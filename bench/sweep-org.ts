/** The org the sweep audits: 1,000 repositories varied from the demo seed's templates. */
import { type RepoPlan, SEED_TEMPLATES, seedRepository } from "../github-double/seed";
import { World } from "../github-double/world";

export const NOW = new Date("2026-06-01T12:00:00Z");
/** The engine's 90-day metrics window: what a periodic org re-audit needs. */
export const SINCE = new Date(NOW.getTime() - 90 * 86_400_000);
/**
 * Commits per week: most repositories of an org are quiet, a few merge daily. Up to 7 a week
 * fits one history page (100 commits in 90 days); each further 100 commits would cost one more
 * request, which this mix does not exercise (the source tests do, with 230 commits).
 */
const CADENCES = [0.5, 1, 1, 2, 2, 3, 3, 4, 5, 7] as const;

function variant(template: RepoPlan, index: number): RepoPlan {
  const cadence = CADENCES[(index * 7) % CADENCES.length] ?? 2;
  return { ...template, name: `${template.name}-${String(index).padStart(4, "0")}`, commitsPerWeek: cadence };
}

export function seedOrg(count: number): { world: World; names: string[] } {
  const world = new World();
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const template = SEED_TEMPLATES[i % SEED_TEMPLATES.length];
    if (!template) continue;
    const plan = variant(template, i);
    seedRepository(world, "sweep", plan, { now: NOW, seed: 1000 + i, weeks: 20 });
    names.push(plan.name);
  }
  return { world, names };
}
