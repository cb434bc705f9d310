import type { Format } from "../../types";
import { extractHeroku } from "./extract";

/**
 * Heroku: `app.json` (root only: elsewhere the name is common, e.g. Expo), `heroku.yml`, and
 * `Procfile` / `Procfile.*` (`Procfile.dev` is classified dev by its path, not forced to prod).
 */
export const herokuFormat = {
  id: "heroku",
  title: "Heroku (app.json, heroku.yml, Procfile)",
  patterns: ["app.json", "**/heroku.yml", "**/heroku.yaml", "**/Procfile", "**/Procfile.*"],
  extract: (file) => extractHeroku(file),
} satisfies Format;
