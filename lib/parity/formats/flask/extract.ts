import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { selectorEnvironments } from "../django/deploy-selectors";
import {
  placeEverywhere,
  placeFact,
  type ScannedSettings,
  type SelectorLookup,
  type SettingGroup,
  scanSettings,
} from "../django/python-settings";

/** Flask config classes (`DevelopmentConfig`, `ProductionConfig`) to environments by name. */
function classEnvironment(name: string): Environment | null {
  if (/test/i.test(name)) return "test";
  if (/dev|local/i.test(name)) return "dev";
  if (/stag/i.test(name)) return "staging";
  if (/prod/i.test(name)) return "prod";
  return null;
}

/** Flask-RQ and Celery-on-Flask read the task queue's Redis from `REDIS_URL`. */
const FLASK_GROUPS = { REDIS_URL: "broker" } as const;

/** True when `child` inherits from `ancestor` and neither it nor a class between assigns `group`. */
function reaches(scanned: ScannedSettings, child: string, ancestor: string, group: SettingGroup, depth = 0): boolean {
  if (child === ancestor) return true;
  if (depth > 10) return false;
  if (scanned.assigned.get(group)?.has(child)) return false;
  return (scanned.classes.get(child) ?? []).some((parent) => reaches(scanned, parent, ancestor, group, depth + 1));
}

/**
 * Flask `config.py`, read as text: a setting in a config class reaches every subclass that does
 * not assign it again, in that subclass's environment. Module-level settings carry none.
 */
export function extractFlask(file: FormatFile, ctx: ExtractContext): ExtractResult {
  try {
    if (!/SQLALCHEMY_DATABASE_URI|CACHE_TYPE|broker_url|CELERY/.test(file.content)) return { uses: [], problems: [] };
    // Django settings (`config/settings.py`, a Celery app module) belong to the django format.
    if (/^\s*(from|import)\s+django\b|INSTALLED_APPS|DJANGO_SETTINGS_MODULE/m.test(file.content)) {
      return { uses: [], problems: [] };
    }
    const scanned = scanSettings(file.content, FLASK_GROUPS);
    const classes = [...scanned.classes.keys()];
    const lookup: SelectorLookup = (selectors, value) => selectorEnvironments(ctx, selectors, value);
    const uses: ExtractedUse[] = [];
    for (const fact of scanned.facts) {
      const owner = fact.owner;
      if (owner === null) {
        uses.push(...placeFact(fact, undefined, false, lookup, {}));
        continue;
      }
      const targets = classes.filter((name) => classEnvironment(name) && reaches(scanned, name, owner, fact.group));
      if (targets.length === 0) uses.push(...placeFact(fact, undefined, false, lookup, { name: owner }));
      for (const name of targets) {
        const environment = classEnvironment(name);
        if (environment) uses.push(...placeFact(fact, environment, name === owner, lookup, { name }));
      }
    }
    return { uses: placeEverywhere(uses), problems: [] };
  } catch (error) {
    return {
      uses: [],
      problems: [
        { type: "parse-error", line: 1, message: `could not read Flask config: ${String(error).slice(0, 120)}` },
      ],
    };
  }
}
