import type { Format } from "../../types";
import { extractSpring } from "./extract";
import { DEPLOY_GLOBS } from "./profiles";

/**
 * Spring Boot `application[-profile].{properties,yml,yaml}`. Profiles map to environments by
 * name (`prod`, `dev`...) or by the deploy files that activate them (`SPRING_PROFILES_ACTIVE`).
 * Build files are read for the embedded database Spring Boot configures when no datasource URL
 * is set: the fact's evidence is the dependency's line, so they are extracted, not only read.
 */
export const springFormat = {
  id: "spring",
  title: "Spring Boot application properties",
  patterns: [
    "**/src/{main,test}/resources/application*.{properties,yml,yaml}",
    "**/src/{main,test}/resources/config/application*.{properties,yml,yaml}",
    "**/pom.xml",
    "**/build.gradle",
    "**/build.gradle.kts",
  ],
  reads: [...DEPLOY_GLOBS, "**/gradle/libs.versions.toml"],
  extract: extractSpring,
} satisfies Format;
