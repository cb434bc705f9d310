import type { Format } from "../../types";
import { extractDjango } from "./extract";

/**
 * Django settings modules, read as text. `base.py` reaches every environment module that
 * star-imports it, minus the settings that module overrides.
 */
export const djangoFormat = {
  id: "django",
  title: "Django settings",
  patterns: ["**/settings.py", "**/settings/*.py"],
  extract: extractDjango,
} satisfies Format;
