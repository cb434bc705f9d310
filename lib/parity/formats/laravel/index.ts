import type { Format } from "../../types";
import { extractLaravel } from "./extract";

/** Laravel: `.env.example` and per-environment `.env.*`, phpunit.xml, `config/*.php` fallbacks. */
export const laravelFormat = {
  id: "laravel",
  title: "Laravel environment and config",
  patterns: [
    "**/.env.example",
    "**/.env.local",
    "**/.env.development",
    "**/.env.testing",
    "**/.env.staging",
    "**/.env.production",
    "**/.env.prod",
    "**/phpunit.xml",
    "**/phpunit.xml.dist",
    "**/config/{database,cache,queue,filesystems}.php",
  ],
  reads: ["**/composer.json"],
  extract: extractLaravel,
} satisfies Format;
