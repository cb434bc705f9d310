import { findNodeAtLocation, type ParseError, parse as parseJsonc, parseTree, printParseErrorCode } from "jsonc-parser";
import { parse, TomlError } from "smol-toml";
import type { Environment, ExtractResult, FormatFile } from "../../types";
import { lineIndex } from "../shared/lines";
import { dirname, joinPathLoosely } from "../shared/paths";
import { serviceUse, stagingOrProd, workerUse } from "../shared/platform-helpers";
import { lineOf, tomlKeyLines } from "../shared/toml-lines";

type Obj = Record<string, unknown>;
type LineOf = (path: string[]) => number;

function obj(value: unknown): Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Nix packages that are language runtimes (`nodejs_20`, `python312`, `ruby_3_3`, `go_1_22`). */
const NIX_RUNTIMES: { match: RegExp; engine: string; version: (m: RegExpExecArray) => string | null }[] = [
  { match: /^nodejs(?:[-_](\d+)(?:_x)?)?$/, engine: "node", version: (m) => m[1] ?? null },
  { match: /^python(\d)(\d+)$/, engine: "python", version: (m) => `${m[1]}.${m[2]}` },
  { match: /^ruby(?:_(\d)_(\d))?$/, engine: "ruby", version: (m) => (m[1] ? `${m[1]}.${m[2]}` : null) },
  { match: /^go(?:_(\d)_(\d+))?$/, engine: "go", version: (m) => (m[1] ? `${m[1]}.${m[2]}` : null) },
  { match: /^php(\d)(\d)$/, engine: "php", version: (m) => `${m[1]}.${m[2]}` },
  { match: /^(?:jdk|openjdk)(\d+)$/, engine: "java", version: (m) => m[1] ?? null },
  { match: /^bun$/, engine: "bun", version: () => null },
];

const PROVIDERS: Record<string, string> = {
  node: "node",
  python: "python",
  ruby: "ruby",
  go: "go",
  php: "php",
  java: "java",
  deno: "deno",
};

/**
 * One settings object (the top level, or one `environments.<name>` override): Nixpacks runtime
 * packages and providers, the Dockerfile, and a start command that needs a specific broker.
 * `postgresql_16` in nixPkgs is the psql client, not a server: not a service.
 */
function readSettings(
  config: Obj,
  base: string[],
  lineAt: LineOf,
  path: string,
  environment: Environment | undefined,
  out: ExtractResult,
): void {
  const env = environment ? { environment } : {};
  const build = obj(config.build);
  const plan = obj(build.nixpacksPlan);
  for (const [phase, settings] of Object.entries(obj(plan.phases))) {
    strings(obj(settings).nixPkgs).forEach((pkg, index) => {
      const name = pkg.replace(/^\.\.\.$/, "");
      for (const rule of NIX_RUNTIMES) {
        const match = rule.match.exec(name);
        if (!match) continue;
        const line = lineAt([...base, "build", "nixpacksPlan", "phases", phase, "nixPkgs", String(index)]);
        out.uses.push(
          serviceUse({
            kind: "runtime",
            engine: rule.engine,
            version: rule.version(match),
            line,
            raw: `nixPkgs: ${pkg}`,
            via: "setting",
            ...env,
          }),
        );
        break;
      }
    });
  }
  strings(plan.providers).forEach((provider, index) => {
    const engine = PROVIDERS[provider];
    if (!engine) return;
    const line = lineAt([...base, "build", "nixpacksPlan", "providers", String(index)]);
    out.uses.push(serviceUse({ kind: "runtime", engine, line, raw: `providers: ${provider}`, via: "setting", ...env }));
  });
  if (typeof build.dockerfilePath === "string") {
    out.references ??= [];
    out.references.push({
      path: joinPathLoosely(dirname(path), build.dockerfilePath),
      environment: environment ?? stagingOrProd(path),
      line: lineAt([...base, "build", "dockerfilePath"]),
    });
  }
  const start = obj(config.deploy).startCommand;
  if (typeof start === "string") {
    const use = workerUse(start, lineAt([...base, "deploy", "startCommand"]), environment, "startCommand");
    if (use) out.uses.push(use);
  }
}

function parseJson(content: string): { config: Obj; lineAt: LineOf; problems: ExtractResult["problems"] } {
  const errors: ParseError[] = [];
  const root = parseTree(content, errors, { allowTrailingComma: true });
  const toLine = lineIndex(content);
  const lineAt: LineOf = (path) => {
    for (let n = path.length; n > 0 && root; n--) {
      const node = findNodeAtLocation(
        root,
        path.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      );
      if (node) return toLine(node.offset);
    }
    return 1;
  };
  const problems = errors.slice(0, 1).map((e) => ({
    type: "parse-error" as const,
    line: toLine(e.offset),
    message: `railway.json: ${printParseErrorCode(e.error)}`,
  }));
  // jsonc-parser recovers what it can around an error: the rest of the file is still read.
  const config = obj(parseJsonc(content, [], { allowTrailingComma: true }));
  return { config, lineAt, problems };
}

function parseToml(content: string): { config: Obj; lineAt: LineOf; problems: ExtractResult["problems"] } {
  try {
    const config = obj(parse(content));
    const lines = tomlKeyLines(content);
    return { config, lineAt: (path) => lineOf(lines, path.join(".")), problems: [] };
  } catch (error) {
    const line = error instanceof TomlError ? error.line : 1;
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : "invalid TOML";
    return {
      config: {},
      lineAt: () => 1,
      problems: [{ type: "parse-error", line, message: `railway.toml: ${message}` }],
    };
  }
}

/**
 * Railway config as code (docs.railway.com/reference/config-as-code): build and deploy settings,
 * with `environments.<name>` overrides placed in staging or prod by their name (PR environments
 * are previews: skipped). Railway databases are not declared in this file.
 */
export function extractRailway(file: FormatFile): ExtractResult {
  const parsed = file.path.endsWith(".toml") ? parseToml(file.content) : parseJson(file.content);
  const out: ExtractResult = { uses: [], environment: stagingOrProd(file.path), problems: parsed.problems };
  readSettings(parsed.config, [], parsed.lineAt, file.path, undefined, out);
  for (const [name, settings] of Object.entries(obj(parsed.config.environments))) {
    if (!/^(prod|production|staging|stage)$/i.test(name)) continue;
    readSettings(obj(settings), ["environments", name], parsed.lineAt, file.path, stagingOrProd(name), out);
  }
  return out;
}
