import type { Format } from "../../types";
import { FOLLOWED_GLOBS } from "../github-actions/follow";
import { extractDrone } from "./extract";

/**
 * Drone CI (`.drone.yml` at the repository root, or at the root of a project template's
 * `{{cookiecutter.x}}` folder): pipelines, their steps' commands and images, and `services:`.
 */
export const droneFormat = {
  id: "drone",
  title: "Drone CI pipelines",
  patterns: [".drone.yml", ".drone.yaml", "*/.drone.yml", "*/.drone.yaml"],
  reads: [...FOLLOWED_GLOBS, "**/package.json"],
  extract: extractDrone,
} satisfies Format;
