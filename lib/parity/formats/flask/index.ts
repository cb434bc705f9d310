import type { ExtractContext, Format, FormatFile } from "../../types";
import { extractFlask } from "./extract";

/** Flask / SQLAlchemy config classes in `config.py` (settings modules belong to django). */
export const flaskFormat = {
  id: "flask",
  title: "Flask configuration",
  patterns: ["**/config.py", "**/config/*.py"],
  extract(file: FormatFile, _ctx: ExtractContext) {
    return extractFlask(file);
  },
} satisfies Format;
