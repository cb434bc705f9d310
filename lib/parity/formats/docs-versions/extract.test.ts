import { describe, expect, it } from "vitest";
import { DOCUMENTED } from "../runtime-versions/roles";
import { extractDocsVersions } from "./extract";

const README = [
  "# Shop",
  "",
  "Shop needs Node 16 to run the legacy importer.",
  "",
  "## Requirements",
  "",
  "- A server with Node.js version 20.11+ and PHP >= 8.2.",
  "- PostgreSQL 15 or newer",
  "- Go 2 steps further: read the guide",
  "",
  "```sh",
  "nvm install 18",
  "php 7.4 artisan",
  "```",
  "",
  "## Changelog",
  "",
  "- Dropped Ruby 2.7 support",
].join("\n");

describe("docs-versions", () => {
  it("reads versions next to a runtime's name in setup sections only, outside code", () => {
    const result = extractDocsVersions({ path: "README.md", content: README });
    expect(result.uses.map(({ engine, version, line, name }) => [engine, version, line, name])).toEqual([
      ["node", "20", 7, DOCUMENTED],
      ["php", "8.2", 7, DOCUMENTED],
    ]);
  });

  it("reads all of a CONTRIBUTING file, and Go only with a dotted version", () => {
    const content = "You'll need Ruby. We currently use Ruby 3.2.2.\nInstall Go >= 1.22 and go 1 more step.\n";
    const result = extractDocsVersions({ path: "CONTRIBUTING.md", content });
    expect(result.uses.map(({ engine, version, line }) => [engine, version, line])).toEqual([
      ["ruby", "3.2", 1],
      ["go", "1.22", 2],
    ]);
  });

  it("is not claimed when it states no runtime version", () => {
    const result = extractDocsVersions({ path: "README.md", content: "# Tool\n\n## Install\n\nRun make.\n" });
    expect(result).toMatchObject({ uses: [], unclaimed: true });
  });
});
