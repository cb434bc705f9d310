import type { Format } from "../../types";
import { extractRailway } from "./extract";

/** Railway config as code: `railway.json` or `railway.toml`. */
export const railwayFormat = {
  id: "railway",
  title: "Railway (railway.json, railway.toml)",
  patterns: ["**/railway.json", "**/railway.toml"],
  extract: (file) => extractRailway(file),
} satisfies Format;
