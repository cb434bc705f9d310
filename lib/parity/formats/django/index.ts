import type { Format } from "../../types";
import { SELECTOR_GLOBS } from "./deploy-selectors";
import { ENTRYPOINT_GLOBS } from "./entrypoint";
import { extractDjango } from "./extract";
import { RUN_GLOBS } from "./runs";

/**
 * Django settings modules, read as text. `base.py` reaches every environment module that
 * star-imports it, minus the settings that module overrides. The entrypoint script of the
 * application's image says which database the image needs (`entrypoint.ts`); a dev compose
 * service that runs the app without the settings' selector runs their fallback (`runs.ts`).
 */
export const djangoFormat = {
  id: "django",
  title: "Django settings",
  patterns: ["**/settings.py", "**/settings/*.py", ...ENTRYPOINT_GLOBS, ...RUN_GLOBS],
  reads: [...SELECTOR_GLOBS, "**/cookiecutter.json"],
  extract: extractDjango,
} satisfies Format;
