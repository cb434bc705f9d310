import { normalizeVersion } from "../../catalog";
import type { ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { DOCUMENTED } from "../runtime-versions/roles";
import { basename } from "../shared/paths";

/** Runtime names as install docs write them, and the engine each is. */
const RUNTIMES: Record<string, string> = {
  node: "node",
  "node.js": "node",
  nodejs: "node",
  php: "php",
  ruby: "ruby",
  python: "python",
  go: "go",
  golang: "go",
  java: "java",
  jdk: "java",
  openjdk: "java",
};

/**
 * `Node.js version 18.18+`, `PHP >= 8.2`, `Ruby 3.2.2`, `Go >= 1.26`, `Java 17 or newer`: the
 * runtime's name, then (after at most `version` and a comparator) its version. Go needs a dotted
 * version, so `go 2 steps back` is not Go 2.
 */
const STATEMENT =
  /(?<![\w.-])(node(?:\.js|js)?|php|ruby|python|golang|go|java|openjdk|jdk)(?:\s+version)?:?\s*(?:v(?=\d)|>=\s*|≥\s*|\^|~)?(\d+(?:\.\d+){0,2})(?![\w.-]*\/)/gi;

/** Headings of the sections that tell a reader what to install. */
const SETUP_HEADING =
  /requirement|prerequisite|dependenc|install|setup|set up|getting started|develop|contribut|self-host|build(?:ing)? from source|local/i;

/**
 * Documentation (README, CONTRIBUTING, install guides) telling developers or self-hosters which
 * runtime version to install: a version next to the runtime's name, in a section about requirements,
 * installation, setup or development (in CONTRIBUTING, anywhere). Fenced code, changelogs and other
 * sections are not read. Named `DOCUMENTED`: compared only with the minimums the project's own files
 * state (docs telling readers to install PHP 8.2 when composer.json requires 8.3), never as a
 * runtime that runs.
 */
export function extractDocsVersions(file: FormatFile): ExtractResult {
  const name = basename(file.path).toLowerCase();
  const wholeFile = name.startsWith("contributing") || name.startsWith("install") || file.path.startsWith("docs/");
  const uses: ExtractedUse[] = [];
  let inSetup = wholeFile;
  let fenced = false;
  file.content.split("\n").forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(text)?.[1];
    if (heading !== undefined) {
      if (!wholeFile) inSetup = SETUP_HEADING.test(heading) && !/changelog|release notes|history/i.test(heading);
      return;
    }
    if (!inSetup) return;
    const seen = new Set<string>();
    for (const match of text.matchAll(STATEMENT)) {
      const engine = RUNTIMES[(match[1] ?? "").toLowerCase()];
      const written = match[2] ?? "";
      if (!engine || seen.has(engine)) continue;
      if (engine === "go" && !written.includes(".")) continue;
      const version = normalizeVersion(engine, written);
      if (version === null) continue;
      seen.add(engine);
      uses.push({
        kind: "runtime",
        engine,
        version,
        pinned: false,
        line: index + 1,
        raw: match[0].trim().slice(0, 80),
        via: "setting",
        name: DOCUMENTED,
      });
    }
  });
  return { uses, problems: [], ...(uses.length === 0 ? { unclaimed: true } : {}) };
}
