import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import type { Environment, ExtractResult, FormatFile } from "../../types";
import { lineIndex } from "../shared/lines";
import { literalSetting, serviceUse, stagingOrProd, urlUse } from "../shared/platform-helpers";
import { addonUse, buildpackRuntime } from "./addons";

type Out = Required<Pick<ExtractResult, "uses" | "envKeys" | "literals">>;

const HEROKU_KEYS = ["addons", "env", "buildpacks", "formation", "stack", "environments", "scripts"];

function str(node: Node | undefined): string | null {
  if (!node) return null;
  if (node.type === "string") return node.value as string;
  if (node.type === "number") return String(node.value);
  return null;
}

function prop(node: Node | undefined, key: string): Node | undefined {
  return node ? findNodeAtLocation(node, [key]) : undefined;
}

function readAddons(
  list: Node | undefined,
  at: (n: Node) => number,
  environment: Environment | undefined,
  out: Out,
): void {
  for (const item of list?.type === "array" ? (list.children ?? []) : []) {
    const plan = str(item) ?? str(prop(item, "plan"));
    if (!plan) continue;
    const version = str(prop(prop(item, "options"), "version"));
    const as = str(prop(item, "as")) ?? undefined;
    const use = addonUse(plan, version, at(item), environment, as);
    if (use) out.uses.push(use);
  }
}

/** `env` values are strings or `{ value, generator, required }`; only literal values are facts. */
function readEnv(env: Node | undefined, at: (n: Node) => number, environment: Environment | undefined, out: Out): void {
  for (const pair of env?.type === "object" ? (env.children ?? []) : []) {
    const [keyNode, valueNode] = pair.children ?? [];
    const key = str(keyNode);
    if (!key || !keyNode) continue;
    const line = at(keyNode);
    out.envKeys.push({ key, line, role: "reads", ...(environment ? { environment } : {}) });
    const value = str(valueNode) ?? str(prop(valueNode, "value"));
    if (value === null) continue;
    const use = urlUse(key, value, line, environment, key);
    if (use) out.uses.push(use);
    const literal = literalSetting(key, value, line, environment);
    if (literal) out.literals.push(literal);
  }
}

/**
 * app.json (devcenter.heroku.com/articles/app-json-schema): add-ons with plan and version
 * option, `env` keys, buildpacks (language, no version: that comes from the app's own files),
 * and `environments.test` (Heroku CI) as the test environment. `stack` is the OS image, not a
 * service. An app.json without any Heroku key (an Expo app.json) yields nothing.
 */
export function extractAppJson(file: FormatFile): ExtractResult {
  const errors: ParseError[] = [];
  const root = parseTree(file.content, errors, { allowTrailingComma: true, disallowComments: false });
  const toLine = lineIndex(file.content);
  const at = (node: Node) => toLine(node.offset);
  const problems: ExtractResult["problems"] = errors.slice(0, 1).map((error) => ({
    type: "parse-error",
    line: toLine(error.offset),
    message: `app.json: ${printParseErrorCode(error.error)}`,
  }));
  const out: Out = { uses: [], envKeys: [], literals: [] };
  if (root?.type !== "object" || !HEROKU_KEYS.some((key) => prop(root, key))) return { uses: [], problems };
  const environment = stagingOrProd(file.path);

  readAddons(prop(root, "addons"), at, undefined, out);
  for (const pack of prop(root, "buildpacks")?.children ?? []) {
    const url = str(prop(pack, "url")) ?? str(pack);
    const engine = url ? buildpackRuntime(url) : null;
    if (engine && url)
      out.uses.push(serviceUse({ kind: "runtime", engine, line: at(pack), raw: `buildpack ${url}`, via: "setting" }));
  }
  readEnv(prop(root, "env"), at, undefined, out);
  const test = prop(prop(root, "environments"), "test");
  readAddons(prop(test, "addons"), at, "test", out);
  readEnv(prop(test, "env"), at, "test", out);
  return { ...out, environment, problems };
}
