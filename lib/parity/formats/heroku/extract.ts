import type { ExtractResult, FormatFile } from "../../types";
import { basename } from "../shared/paths";
import { extractAppJson } from "./app-json";
import { extractHerokuYml } from "./heroku-yml";
import { extractProcfile } from "./procfile";

/** Heroku's three files share add-on and worker knowledge; the file name picks the reader. */
export function extractHeroku(file: FormatFile): ExtractResult {
  const name = basename(file.path);
  if (name === "app.json") return extractAppJson(file);
  if (name === "heroku.yml" || name === "heroku.yaml") return extractHerokuYml(file);
  return extractProcfile(file);
}
