import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { parse as parseToml, TomlError } from "smol-toml";
import type { ExtractedUse, ExtractResult, FormatFile, Problem } from "../../types";
import { lineIndex } from "../shared/lines";
import { basename } from "../shared/paths";
import { MINIMUM } from "./roles";
import { floorVersion, nodeVersion, plainVersion, type RuntimeVersion, rangeVersion } from "./versions";

/**
 * Runtime version files. Environments follow path classification (a version file is what a
 * developer's version manager installs: dev), with two exceptions written on the use:
 * - `runtime.txt` is read by Heroku-style buildpacks at deploy time: prod.
 * - `package.json` `engines.node` is left to classification too: it constrains every
 *   environment, but Parity compares what runs, and what runs in prod is already said by the
 *   Dockerfile or platform config; hosts that read `engines` (Heroku, Render) have their own
 *   formats that can claim it for prod.
 */
export function extractRuntimeVersions(file: FormatFile): ExtractResult {
  const name = basename(file.path);
  if (name === "package.json") return fromPackageJson(file.content);
  if (name === "go.mod") return { uses: fromGoMod(file.content), problems: [] };
  if (name === "composer.json") return fromComposerJson(file.content);
  if (name === ".tool-versions") return { uses: fromToolVersions(file.content), problems: [] };
  if (name === ".sdkmanrc") return { uses: fromSdkman(file.content), problems: [] };
  if (MISE_FILE.test(file.path)) return fromMise(name, file.content);
  const single = SINGLE_FILES[name];
  if (!single) return { uses: [], problems: [] };
  const first = firstLine(file.content);
  if (!first) return { uses: [], problems: [] };
  const version = single.engine === "node" ? nodeVersion(first.text) : plainVersion(single.engine, first.text);
  const use = runtimeUse(single.engine, version, first.line, `${name}: ${first.text}`);
  return { uses: [single.environment ? { ...use, environment: single.environment } : use], problems: [] };
}

/** mise's config files (`mise.toml`, `.mise.toml`, `.config/mise.toml`, `.mise/config.toml`). */
const MISE_FILE = /(?:^|\/)(?:\.?mise\.toml|\.config\/mise\.toml|\.?mise\/config\.toml)$/;

const SINGLE_FILES: Record<string, { engine: string; environment?: "prod" }> = {
  ".nvmrc": { engine: "node" },
  ".node-version": { engine: "node" },
  ".python-version": { engine: "python" },
  ".ruby-version": { engine: "ruby" },
  ".java-version": { engine: "java" },
  ".go-version": { engine: "go" },
  "runtime.txt": { engine: "python", environment: "prod" },
};

/** asdf / mise plugin names (https://github.com/asdf-vm/asdf-plugins). */
const TOOLS: Record<string, string> = {
  nodejs: "node",
  node: "node",
  python: "python",
  ruby: "ruby",
  golang: "go",
  go: "go",
  java: "java",
  php: "php",
  elixir: "elixir",
  bun: "bun",
  deno: "deno",
  rust: "rust",
  dotnet: "dotnet",
  "dotnet-core": "dotnet",
};

function runtimeUse(engine: string, version: RuntimeVersion, line: number, raw: string): ExtractedUse {
  return { kind: "runtime", engine, version: version.version, pinned: version.pinned, line, raw, via: "version-file" };
}

/** The first line that is not blank or a comment (pyenv and nvm allow `#` comments). */
function firstLine(content: string): { text: string; line: number } | null {
  const lines = content.split(/\r\n|\n|\r/);
  for (let index = 0; index < lines.length; index++) {
    const text = (lines[index] ?? "").replace(/#.*$/, "").trim();
    if (text) return { text, line: index + 1 };
  }
  return null;
}

function fromToolVersions(content: string): ExtractedUse[] {
  return content.split(/\r\n|\n|\r/).flatMap((raw, index) => {
    const [tool, first] = raw.replace(/#.*$/, "").trim().split(/\s+/);
    const engine = TOOLS[tool ?? ""];
    if (!engine || !first) return [];
    // Several versions may follow a tool; the first is the one asdf selects.
    const version = engine === "node" ? nodeVersion(first) : plainVersion(engine, first);
    return [runtimeUse(engine, version, index + 1, `.tool-versions: ${tool} ${first}`)];
  });
}

function fromSdkman(content: string): ExtractedUse[] {
  return content.split(/\r\n|\n|\r/).flatMap((raw, index) => {
    const match = /^\s*java\s*=\s*(\S+)/.exec(raw);
    return match?.[1]
      ? [runtimeUse("java", plainVersion("java", match[1]), index + 1, `.sdkmanrc: java=${match[1]}`)]
      : [];
  });
}

/**
 * `toolchain go1.22.3` is what builds and runs the module. `go 1.22` is only the minimum language
 * version: any newer Go builds it, so it is not a runtime that runs; it is reported as a floor
 * (`MINIMUM`), because an older Go cannot build the module (the official images set
 * `GOTOOLCHAIN=local`, so no newer toolchain is fetched).
 */
function fromGoMod(content: string): ExtractedUse[] {
  const uses: { toolchain?: ExtractedUse; minimum?: ExtractedUse } = {};
  content.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const text = raw.replace(/\/\/.*$/, "").trim();
    const chain = /^toolchain\s+(\S+)$/.exec(text)?.[1];
    if (chain && chain !== "default")
      uses.toolchain = runtimeUse("go", plainVersion("go", chain), index + 1, `toolchain ${chain}`);
    const go = /^go\s+(\d+\.\d+(?:\.\d+)?)$/.exec(text)?.[1];
    const minimum = go ? minimumUse("go", plainVersion("go", go).version, index + 1, `go ${go}`) : null;
    if (minimum) uses.minimum = minimum;
  });
  return [uses.toolchain, uses.minimum].filter((use) => use !== undefined);
}

function minimumUse(engine: string, version: string | null, line: number, raw: string): ExtractedUse | null {
  if (version === null) return null;
  return { kind: "runtime", engine, version, pinned: false, line, raw, via: "setting", name: MINIMUM };
}

/**
 * composer.json `require.php` (`>=8.3`, `^8.2`, `^8.1|^8.2`): Composer refuses to install the
 * project on an older PHP, so its lowest version is a floor for every environment.
 */
function fromComposerJson(content: string): ExtractResult {
  const errors: ParseError[] = [];
  const root = parseTree(content, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: Problem[] = errors.map((error) => ({
    type: "parse-error",
    line: lineIndex(content)(error.offset),
    message: `composer.json: ${printParseErrorCode(error.error)}`,
  }));
  const php = root ? stringAt(root, ["require", "php"]) : null;
  if (!php) return { uses: [], problems };
  const floor = floorVersion("php", php.value.replace(/(?<!\|)\|(?!\|)/g, "||").replace(/,\s*/g, " "));
  const use = minimumUse("php", floor, lineIndex(content)(php.offset), `"php": "${php.value}"`);
  return { uses: use ? [use] : [], problems };
}

/**
 * mise's `[tools]` table: `node = "22"`, `python = ["3.12", "3.11"]` (the first is selected),
 * `go = { version = "1.23" }`, `"core:node" = "22"`. Other tables are skipped.
 */
function fromMise(name: string, content: string): ExtractResult {
  try {
    parseToml(content);
  } catch (error) {
    const line = error instanceof TomlError ? error.line : 1;
    const message = error instanceof Error ? error.message.split("\n")[0] : "invalid TOML";
    return { uses: [], problems: [{ type: "parse-error", line, message: `${name}: ${message}` }] };
  }
  const uses: ExtractedUse[] = [];
  let inTools = false;
  content.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const text = raw.replace(/\s#.*$/, "").trim();
    if (text.startsWith("[")) {
      inTools = /^\[\s*tools\s*\]$/.test(text);
      return;
    }
    if (!inTools) return;
    const match = /^"?([A-Za-z0-9:_-]+)"?\s*=\s*(?:\[\s*)?(?:\{[^}]*?version\s*=\s*)?["']([^"']+)["']/.exec(text);
    if (!match?.[1] || !match[2]) return;
    const tool = match[1].slice(match[1].lastIndexOf(":") + 1);
    const engine = TOOLS[tool];
    if (!engine) return;
    const version = engine === "node" ? nodeVersion(match[2]) : plainVersion(engine, match[2]);
    uses.push(runtimeUse(engine, version, index + 1, `${name}: ${tool} = "${match[2]}"`));
  });
  return { uses, problems: [] };
}

function fromPackageJson(content: string): ExtractResult {
  const errors: ParseError[] = [];
  const root = parseTree(content, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: Problem[] = errors.map((error) => ({
    type: "parse-error",
    line: lineIndex(content)(error.offset),
    message: `package.json: ${printParseErrorCode(error.error)}`,
  }));
  if (!root) return { uses: [], problems };
  // Volta pins the exact toolchain developers get; when present it says more than `engines`.
  const volta = stringAt(root, ["volta", "node"]);
  if (volta) {
    const line = lineIndex(content)(volta.offset);
    return {
      uses: [runtimeUse("node", nodeVersion(volta.value), line, `"volta": { "node": "${volta.value}" }`)],
      problems,
    };
  }
  const engines = stringAt(root, ["engines", "node"]);
  // A published library's engines say which Node its consumers need, not what the team runs.
  if (!engines || isLibrary(root)) return { uses: [], problems };
  const version = rangeVersion("node", engines.value);
  const line = lineIndex(content)(engines.offset);
  // A range of several majors, or an open floor, names no version that runs: only its floor counts.
  if (version.version === null) {
    const minimum = minimumUse(
      "node",
      floorVersion("node", engines.value),
      line,
      `"engines": { "node": "${engines.value}" }`,
    );
    return { uses: minimum ? [minimum] : [], problems };
  }
  const use = runtimeUse("node", version, line, `"engines": { "node": "${engines.value}" }`);
  return { uses: [{ ...use, via: "setting" }], problems };
}

/** Not `private`, and shaped for publishing (an entry point, exports, typings or a bin). */
function isLibrary(root: Node): boolean {
  if (findNodeAtLocation(root, ["private"])?.value === true) return false;
  return ["main", "module", "exports", "types", "typings", "bin"].some(
    (key) => findNodeAtLocation(root, [key]) !== undefined,
  );
}

function stringAt(root: Node, path: string[]): { value: string; offset: number } | null {
  const node = findNodeAtLocation(root, path);
  return node && node.type === "string" && typeof node.value === "string"
    ? { value: node.value, offset: node.offset }
    : null;
}
