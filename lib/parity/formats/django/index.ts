import type { Format } from "../../types";
import { SELECTOR_GLOBS } from "./deploy-selectors";
import { ENTRYPOINT_GLOBS } from "./entrypoint";
import { extractDjango } from "./extract";

/**
 * Django settings modules, read as text. `base.py` reaches every environment module that
 * star-imports it, minus the settings that module overrides. The entrypoint script of the
 * application's image says which database the image needs (`entrypoint.ts`).
 */
export const djangoFormat = {
  id: "django",
  title: "Django settings",
  patterns: ["**/settings.py", "**/settings/*.py", ...ENTRYPOINT_GLOBS],
  reads: [...SELECTOR_GLOBS, "**/cookiecutter.json"],
  extract: extractDjango,
} satisfies Format;
