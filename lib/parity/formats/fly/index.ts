import type { Format } from "../../types";
import { extractFly } from "./extract";

/** Fly.io app configuration: `fly.toml`, and per-environment copies such as `fly.staging.toml`. */
export const flyFormat = {
  id: "fly",
  title: "Fly.io (fly.toml)",
  patterns: ["**/fly.toml", "**/fly.*.toml"],
  extract: (file) => extractFly(file),
} satisfies Format;
