import type { Format } from "../../types";
import { extractSpring } from "./extract";
import { DEPLOY_GLOBS } from "./profiles";

/**
 * Spring Boot `application[-profile].{properties,yml,yaml}`. Profiles map to environments by
 * name (`prod`, `dev`...) or by the deploy files that activate them (`SPRING_PROFILES_ACTIVE`).
 */
export const springFormat = {
  id: "spring",
  title: "Spring Boot application properties",
  patterns: [
    "**/src/main/resources/application*.{properties,yml,yaml}",
    "**/src/test/resources/application*.{properties,yml,yaml}",
  ],
  reads: DEPLOY_GLOBS,
  extract: extractSpring,
} satisfies Format;
