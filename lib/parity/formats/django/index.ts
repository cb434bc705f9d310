import type { Format } from "../../types";
import { SELECTOR_GLOBS } from "./deploy-selectors";
import { extractDjango } from "./extract";

/**
 * Django settings modules, read as text. `base.py` reaches every environment module that
 * star-imports it, minus the settings that module overrides.
 */
export const djangoFormat = {
  id: "django",
  title: "Django settings",
  patterns: ["**/settings.py", "**/settings/*.py"],
  reads: [...SELECTOR_GLOBS, "**/cookiecutter.json"],
  extract: extractDjango,
} satisfies Format;
