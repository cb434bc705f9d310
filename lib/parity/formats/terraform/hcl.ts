/**
 * HCL blocks and attributes, from the parser in hcl-syntax.ts, and the evaluation of the few
 * expressions whose value is visible in the repository: literals, templates around them,
 * `var.x` and `local.x` (through object keys and indexes), tuples and objects.
 */
import type { Problem } from "../../types";
import { lineIndex } from "../shared/lines";
import { type Expr, parseHclSyntax, type SyntaxBody } from "./hcl-syntax";

export type { Expr } from "./hcl-syntax";

export interface HclAttribute {
  name: string;
  line: number;
  /** The value's expression (with `from`/`to` offsets into `file.source`). */
  expr: Expr;
  file: HclFile;
}

export interface HclBlock {
  type: string;
  labels: string[];
  line: number;
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

export interface HclFile {
  source: string;
  blocks: HclBlock[];
  /** Top-level attributes (what a `.tfvars` file holds). */
  attributes: Map<string, HclAttribute>;
  lineAt(offset: number): number;
  problems: Problem[];
}

function readBody(file: HclFile, body: SyntaxBody): Pick<HclBlock, "attributes" | "blocks"> {
  const attributes = new Map<string, HclAttribute>();
  for (const attr of body.attributes) {
    attributes.set(attr.name, { name: attr.name, line: file.lineAt(attr.from), expr: attr.expr, file });
  }
  const blocks = body.blocks.map((block) => ({
    type: block.type,
    labels: block.labels,
    line: file.lineAt(block.from),
    ...readBody(file, block.body),
  }));
  return { attributes, blocks };
}

/** Parses HCL; never throws. A syntax error becomes one `parse-error` at its line. */
export function parseHcl(source: string): HclFile {
  const lineAt = lineIndex(source);
  const file: HclFile = { source, blocks: [], attributes: new Map(), lineAt, problems: [] };
  const { body, error } = parseHclSyntax(source);
  if (error) {
    file.problems.push({ type: "parse-error", line: lineAt(error.offset), message: `terraform: ${error.message}` });
  }
  const { attributes, blocks } = readBody(file, body);
  file.attributes = attributes;
  file.blocks = blocks;
  return file;
}

/** Where `var.x` and `local.x` find their values (one Terraform module = one directory). */
export interface Scope {
  variables: Map<string, HclAttribute>;
  locals: Map<string, HclAttribute>;
}

/** A value the repository shows; `undefined` when it cannot be known statically. */
export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };

const MAX_DEPTH = 8;

/** The value of an expression as text when the repository shows a scalar, else null. */
export function evaluate(attr: HclAttribute, scope: Scope, depth = 0): string | null {
  const value = evaluateValue(attr, scope, depth);
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : null;
}

/** The whole value (objects and tuples too) when every part of it is visible. */
export function evaluateValue(attr: HclAttribute, scope: Scope, depth = 0): HclValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  return valueOfExpr(attr.expr, scope, depth);
}

function valueOfExpr(expr: Expr, scope: Scope, depth: number): HclValue | undefined {
  switch (expr.type) {
    case "literal":
      return expr.value;
    case "paren":
      return valueOfExpr(expr.inner, scope, depth);
    case "template": {
      if (expr.directive) return undefined;
      let out = "";
      for (const part of expr.parts) {
        const value = typeof part === "string" ? part : valueOfExpr(part, scope, depth + 1);
        if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined;
        out += String(value);
      }
      return out;
    }
    case "tuple": {
      const items = expr.items.map((item) => valueOfExpr(item, scope, depth + 1));
      return items.every((item) => item !== undefined) ? (items as HclValue[]) : undefined;
    }
    case "object": {
      const out: { [key: string]: HclValue } = {};
      for (const item of expr.items) {
        const key = valueOfExpr(item.key, scope, depth + 1);
        const value = valueOfExpr(item.value, scope, depth + 1);
        if ((typeof key !== "string" && typeof key !== "number") || value === undefined) return undefined;
        out[String(key)] = value;
      }
      return out;
    }
    case "getattr":
    case "index":
      return traverse(expr, scope, depth);
    default:
      return undefined;
  }
}

/** `var.x`, `local.x`, then `.key` / `["key"]` / `[0]` into the value they hold. */
function traverse(expr: Expr, scope: Scope, depth: number): HclValue | undefined {
  const steps: (string | number)[] = [];
  let node = expr;
  while (node.type === "getattr" || node.type === "index") {
    if (node.type === "getattr") steps.unshift(node.name);
    else {
      const key = valueOfExpr(node.key, scope, depth + 1);
      if (typeof key !== "string" && typeof key !== "number") return undefined;
      steps.unshift(key);
    }
    node = node.object;
  }
  if (node.type !== "variable" || (node.name !== "var" && node.name !== "local")) return undefined;
  const [name, ...rest] = steps;
  if (typeof name !== "string") return undefined;
  const target = (node.name === "var" ? scope.variables : scope.locals).get(name);
  let value = target ? evaluateValue(target, scope, depth + 1) : undefined;
  for (const step of rest) {
    if (value === null || typeof value !== "object") return undefined;
    value = Array.isArray(value) ? value[Number(step)] : value[String(step)];
  }
  return value;
}

/** The source text of an attribute's line, trimmed: the `raw` shown beside evidence. */
export function attributeText(attr: HclAttribute): string {
  const start = attr.file.source.lastIndexOf("\n", attr.expr.from - 1) + 1;
  const end = attr.file.source.indexOf("\n", attr.expr.from);
  return attr.file.source.slice(start, end < 0 ? undefined : end).trim();
}
