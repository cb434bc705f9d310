import type { Format } from "../../types";
import { SELECTOR_GLOBS } from "../django/deploy-selectors";
import { extractRails } from "./extract";

/**
 * Ruby on Rails: database.yml (or its committed `.sample` when the real one is not committed),
 * environment files, application.rb and the Gemfile. cable.yml is Action Cable's pub/sub, not the
 * job broker (jobs come from `queue_adapter`), so it is not read.
 */
export const railsFormat = {
  id: "rails",
  title: "Ruby on Rails configuration",
  patterns: [
    "**/config/database.yml",
    "**/config/{database.yml.sample,database.yml.example,example.database.yml}",
    "**/config/application.rb",
    "**/config/environments/*.rb",
    "**/Gemfile",
  ],
  reads: ["**/config/storage.yml", ...SELECTOR_GLOBS],
  extract: extractRails,
} satisfies Format;
