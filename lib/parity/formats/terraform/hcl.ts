/**
 * HCL through a real parser: the Lezer grammar of `codemirror-lang-hcl` (pure JS, synchronous,
 * error-tolerant, every node has offsets). It gives a concrete syntax tree; this file turns it
 * into blocks and attributes and evaluates the few expressions whose value is visible in the
 * repository: literals, `"${...}"` around one of them, `var.x` and `local.x`.
 */
import { hclLanguage } from "codemirror-lang-hcl";
import type { Problem } from "../../types";
import { lineIndex } from "../platform-helpers";

type Tree = ReturnType<typeof hclLanguage.parser.parse>;
export type SyntaxNode = Tree["topNode"];

export interface HclAttribute {
  name: string;
  line: number;
  /** The `Expression` node of the value. */
  expr: SyntaxNode;
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

function slice(file: HclFile, node: SyntaxNode): string {
  return file.source.slice(node.from, node.to);
}

function unquote(file: HclFile, node: SyntaxNode): string {
  const literal = node.getChild("TemplateLiteral");
  const text = literal ? slice(file, literal) : "";
  return text.replace(/\\(["\\])/g, "$1");
}

function readBody(file: HclFile, body: SyntaxNode | null): Pick<HclBlock, "attributes" | "blocks"> {
  const attributes = new Map<string, HclAttribute>();
  const blocks: HclBlock[] = [];
  for (let child = body?.firstChild ?? null; child; child = child.nextSibling) {
    if (child.name === "Attribute") {
      const id = child.getChild("Identifier");
      const expr = child.getChild("Expression");
      if (id && expr) {
        const name = slice(file, id);
        attributes.set(name, { name, line: file.lineAt(child.from), expr, file });
      }
    } else if (child.name === "Block") {
      const type = child.getChild("BlockType");
      const labels = child.getChildren("BlockLabel").map((label) => {
        const lit = label.getChild("StringLit");
        return lit ? unquote(file, lit) : slice(file, label);
      });
      blocks.push({
        type: type ? slice(file, type) : "",
        labels,
        line: file.lineAt(child.from),
        ...readBody(file, child.getChild("Body")),
      });
    }
  }
  return { attributes, blocks };
}

/** Parses HCL; never throws. Syntax errors become one `parse-error` at the first error's line. */
export function parseHcl(source: string): HclFile {
  const lineAt = lineIndex(source);
  const file: HclFile = { source, blocks: [], attributes: new Map(), lineAt, problems: [] };
  let tree: Tree;
  try {
    tree = hclLanguage.parser.parse(source);
  } catch {
    file.problems.push({ type: "parse-error", line: 1, message: "terraform: the file could not be parsed" });
    return file;
  }
  let firstError: number | null = null;
  tree.iterate({
    enter(node) {
      if (firstError === null && node.type.isError) firstError = node.from;
      return firstError === null;
    },
  });
  if (firstError !== null) {
    file.problems.push({ type: "parse-error", line: lineAt(firstError), message: "terraform: HCL syntax error" });
  }
  const { attributes, blocks } = readBody(file, tree.topNode.getChild("Body"));
  file.attributes = attributes;
  file.blocks = blocks;
  return file;
}

/** Where `var.x` and `local.x` find their values (one Terraform module = one directory). */
export interface Scope {
  variables: Map<string, HclAttribute>;
  locals: Map<string, HclAttribute>;
}

const MAX_DEPTH = 8;

/** The value of an expression as text when the repository shows it, else null. */
export function evaluate(attr: HclAttribute, scope: Scope, depth = 0): string | null {
  if (depth > MAX_DEPTH) return null;
  return evaluateNode(attr.file, attr.expr, scope, depth);
}

function evaluateNode(file: HclFile, expr: SyntaxNode, scope: Scope, depth: number): string | null {
  const first = expr.firstChild;
  if (!first) return null;
  if (first.name === "LiteralValue") {
    const inner = first.firstChild;
    if (!inner) return null;
    if (inner.name === "StringLit") return unquote(file, inner);
    if (inner.name === "NumericLit") return slice(file, inner);
    return null;
  }
  if (first.name === "TemplateExpr") {
    const template = first.getChild("QuotedTemplate");
    return template ? evaluateTemplate(file, template, scope, depth) : null;
  }
  if (first.name === "VariableExpr") {
    const attrs = expr.getChildren("GetAttr");
    if (attrs.length !== 1 || first.nextSibling?.name !== "GetAttr" || first.nextSibling.nextSibling) return null;
    const root = slice(file, first);
    const name = attrs[0]?.getChild("Identifier");
    if (!name) return null;
    const map = root === "var" ? scope.variables : root === "local" ? scope.locals : null;
    const target = map?.get(slice(file, name));
    return target ? evaluate(target, scope, depth + 1) : null;
  }
  if (first.name === "Expression" && !first.nextSibling) return evaluateNode(file, first, scope, depth);
  return null;
}

/** `"15.4"`, `"${var.pg}"` or `"${var.major}.4"` when every interpolation resolves. */
function evaluateTemplate(file: HclFile, template: SyntaxNode, scope: Scope, depth: number): string | null {
  let out = "";
  for (let part = template.firstChild; part; part = part.nextSibling) {
    if (part.name === "QuotedTemplateStart" || part.name === "QuotedTemplateEnd") continue;
    if (part.name === "TemplateLiteral") {
      out += slice(file, part);
      continue;
    }
    if (part.name !== "TemplateInterpolation") return null;
    const inner = part.getChild("Expression");
    const value = inner ? evaluateNode(file, inner, scope, depth + 1) : null;
    if (value === null) return null;
    out += value;
  }
  return out;
}

/** The source text of an attribute's line, trimmed: the `raw` shown beside evidence. */
export function attributeText(attr: HclAttribute): string {
  const start = attr.file.source.lastIndexOf("\n", attr.expr.from - 1) + 1;
  const end = attr.file.source.indexOf("\n", attr.expr.from);
  return attr.file.source.slice(start, end < 0 ? undefined : end).trim();
}
