import type { Format } from "../../types";
import { extractRails } from "./extract";

/** Ruby on Rails: database.yml, cable.yml, environment files, application.rb and the Gemfile. */
export const railsFormat = {
  id: "rails",
  title: "Ruby on Rails configuration",
  patterns: [
    "**/config/database.yml",
    "**/config/cable.yml",
    "**/config/application.rb",
    "**/config/environments/*.rb",
    "**/Gemfile",
  ],
  reads: ["**/config/storage.yml"],
  extract: extractRails,
} satisfies Format;
