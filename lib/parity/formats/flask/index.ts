import type { Format } from "../../types";
import { SELECTOR_GLOBS } from "../django/deploy-selectors";
import { extractFlask } from "./extract";

/** Flask / SQLAlchemy config classes in `config.py` (settings modules belong to django). */
export const flaskFormat = {
  id: "flask",
  title: "Flask configuration",
  patterns: ["**/config.py", "**/config/*.py"],
  reads: SELECTOR_GLOBS,
  extract: extractFlask,
} satisfies Format;
