/**
 * HCL native syntax (the Terraform language) as a recursive-descent parser over the source
 * text, with offsets on every node. Written here because the Lezer grammar used before rejected
 * valid Terraform in almost every real module (a call or an index inside an object,
 * `optional(string)` in object types), and HashiCorp's own parser (`@cdktf/hcl2json`, WASM) is
 * asynchronous and has no positions. `hcl.test.ts` holds it to that parser: every file it accepts
 * parses here without a problem, with the same literal values.
 *
 * Spec: https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md. Newlines end attributes
 * and separate object items; inside `( )`, `[ ]`, `${ }` and `for` expressions they are spaces.
 */

export type Expr =
  | { type: "literal"; value: string | number | boolean | null; from: number; to: number }
  | { type: "template"; parts: (string | Expr)[]; directive: boolean; from: number; to: number }
  | { type: "variable"; name: string; from: number; to: number }
  | { type: "getattr"; object: Expr; name: string; from: number; to: number }
  | { type: "index"; object: Expr; key: Expr; from: number; to: number }
  | { type: "call"; name: string; args: Expr[]; from: number; to: number }
  | { type: "tuple"; items: Expr[]; from: number; to: number }
  | { type: "object"; items: { key: Expr; value: Expr }[]; from: number; to: number }
  | { type: "paren"; inner: Expr; from: number; to: number }
  | { type: "conditional"; test: Expr; yes: Expr; no: Expr; from: number; to: number }
  /** Operators, splats and `for` expressions: parsed for their extent, never evaluated. */
  | { type: "other"; from: number; to: number };

export interface SyntaxAttribute {
  name: string;
  from: number;
  expr: Expr;
}

export interface SyntaxBlock {
  type: string;
  labels: string[];
  from: number;
  body: SyntaxBody;
}

export interface SyntaxBody {
  attributes: SyntaxAttribute[];
  blocks: SyntaxBlock[];
}

export interface SyntaxResult {
  body: SyntaxBody;
  /** Offset and message of the first syntax error, if any (the parser recovers and goes on). */
  error: { offset: number; message: string } | null;
}

class HclSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const ID_START = /[\p{L}_]/u;
const ID_CONTINUE = /[\p{L}\p{N}_-]/u;
const BINARY_LEVELS: readonly (readonly string[])[] = [
  ["||"],
  ["&&"],
  ["==", "!="],
  ["<=", ">=", "<", ">"],
  ["+", "-"],
  ["*", "/", "%"],
];

class Parser {
  private pos = 0;
  /** > 0 inside brackets, parentheses and interpolations, where newlines are plain spaces. */
  private newlinesAreSpace = 0;
  firstError: HclSyntaxError | null = null;

  constructor(private readonly src: string) {}

  fail(message: string, offset = this.pos): never {
    throw new HclSyntaxError(offset, message);
  }

  // --- whitespace, comments, tokens ------------------------------------------------------------

  /** Skips spaces and comments; newlines too when inside brackets (or when `newlines` is true). */
  skip(newlines = this.newlinesAreSpace > 0): void {
    const src = this.src;
    for (;;) {
      const ch = src[this.pos];
      if (ch === " " || ch === "\t" || ch === "\r") this.pos++;
      else if (ch === "\n" && newlines) this.pos++;
      else if (ch === "#" || (ch === "/" && src[this.pos + 1] === "/")) {
        // A line comment ends at the newline, which stays significant.
        while (this.pos < src.length && src[this.pos] !== "\n") this.pos++;
      } else if (ch === "/" && src[this.pos + 1] === "*") {
        const end = src.indexOf("*/", this.pos + 2);
        if (end < 0) this.fail("unterminated comment");
        this.pos = end + 2;
      } else return;
    }
  }

  peek(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  eat(text: string): boolean {
    if (!this.peek(text)) return false;
    this.pos += text.length;
    return true;
  }

  expect(text: string): void {
    this.skip();
    if (!this.eat(text)) this.fail(`expected "${text}"`);
  }

  identifier(): string | null {
    const src = this.src;
    if (!ID_START.test(src[this.pos] ?? "")) return null;
    const start = this.pos++;
    while (this.pos < src.length && ID_CONTINUE.test(src[this.pos] as string)) this.pos++;
    return src.slice(start, this.pos);
  }

  /** After an item: a newline, a comment to the end of line, or the end of input / the body. */
  endOfItem(closing: string | null): void {
    this.skip(false);
    if (this.pos >= this.src.length) return;
    if (this.src[this.pos] === "\n") {
      this.pos++;
      return;
    }
    if (closing !== null && this.peek(closing)) return;
    this.fail("expected a newline after the attribute or block");
  }

  // --- bodies ----------------------------------------------------------------------------------

  body(closing: string | null): SyntaxBody {
    const body: SyntaxBody = { attributes: [], blocks: [] };
    for (;;) {
      this.skip(true);
      if (this.pos >= this.src.length) {
        if (closing !== null) this.fail(`expected "${closing}"`);
        return body;
      }
      if (closing !== null && this.peek(closing)) return body;
      const start = this.pos;
      this.newlinesAreSpace = 0;
      try {
        this.item(body, closing);
      } catch (error) {
        if (!(error instanceof HclSyntaxError)) throw error;
        this.firstError ??= error;
        this.recover(start, closing);
      }
    }
  }

  private item(body: SyntaxBody, closing: string | null): void {
    const from = this.pos;
    const name = this.identifier();
    if (name === null) this.fail("expected an attribute or a block");
    this.skip(false);
    if (this.peek("=") && !this.peek("==")) {
      this.pos++;
      const expr = this.expression();
      body.attributes.push({ name, from, expr });
      this.endOfItem(closing);
      return;
    }
    const labels: string[] = [];
    for (;;) {
      this.skip(false);
      if (this.peek('"')) {
        const label = this.template('"');
        labels.push(label.type === "literal" ? String(label.value) : this.src.slice(label.from + 1, label.to - 1));
        continue;
      }
      const id = this.identifier();
      if (id === null) break;
      labels.push(id);
    }
    this.expect("{");
    const inner = this.body("}");
    this.expect("}");
    body.blocks.push({ type: name, labels, from, body: inner });
    this.endOfItem(closing);
  }

  /** After an error: skip to the next line at the nesting depth where the broken item began. */
  private recover(start: number, closing: string | null): void {
    this.newlinesAreSpace = 0;
    this.pos = start;
    let depth = 0;
    const src = this.src;
    while (this.pos < src.length) {
      const ch = src[this.pos] as string;
      if (ch === '"') {
        this.pos++;
        while (this.pos < src.length && src[this.pos] !== '"' && src[this.pos] !== "\n") {
          this.pos += src[this.pos] === "\\" ? 2 : 1;
        }
      } else if (ch === "{" || ch === "[" || ch === "(") depth++;
      else if (ch === "}" || ch === "]" || ch === ")") {
        if (depth === 0 && closing !== null && ch === closing) return;
        depth = Math.max(0, depth - 1);
      } else if (ch === "\n" && depth === 0) {
        this.pos++;
        return;
      }
      this.pos++;
    }
  }

  // --- expressions -----------------------------------------------------------------------------

  expression(): Expr {
    this.skip();
    const from = this.pos;
    const test = this.binary(0);
    this.skip();
    if (!this.peek("?")) return test;
    this.pos++;
    const yes = this.expression();
    this.expect(":");
    const no = this.expression();
    return { type: "conditional", test, yes, no, from, to: no.to };
  }

  private binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    const from = this.pos;
    let left = this.binary(level + 1);
    for (;;) {
      this.skip();
      const op = (BINARY_LEVELS[level] as readonly string[]).find((candidate) => this.peek(candidate));
      // `=>` and `==` start with `=`; `<<` starts a heredoc, never an operand here.
      if (!op || (op === "<" && this.peek("<<"))) return left;
      this.pos += op.length;
      this.skip();
      const right = this.binary(level + 1);
      left = { type: "other", from, to: right.to };
    }
  }

  private unary(): Expr {
    this.skip();
    const from = this.pos;
    if (this.peek("!") || (this.peek("-") && !/\d/.test(this.src[this.pos + 1] ?? ""))) {
      this.pos++;
      const operand = this.unary();
      return { type: "other", from, to: operand.to };
    }
    return this.postfix(this.primary());
  }

  private postfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      const save = this.pos;
      this.skip();
      if (this.peek(".") && !this.peek("...")) {
        this.pos++;
        if (this.eat("*")) {
          expr = { type: "other", from: expr.from, to: this.pos };
          continue;
        }
        const digits = /^\d+/.exec(this.src.slice(this.pos, this.pos + 20));
        if (digits) {
          // Legacy index `a.0.b`.
          this.pos += digits[0].length;
          const key: Expr = {
            type: "literal",
            value: Number(digits[0]),
            from: this.pos - digits[0].length,
            to: this.pos,
          };
          expr = { type: "index", object: expr, key, from: expr.from, to: this.pos };
          continue;
        }
        const name = this.identifier();
        if (name === null) this.fail("expected an attribute name after '.'");
        expr = { type: "getattr", object: expr, name, from: expr.from, to: this.pos };
        continue;
      }
      if (this.peek("[")) {
        this.pos++;
        this.newlinesAreSpace++;
        this.skip();
        if (this.eat("*")) {
          this.expect("]");
          this.newlinesAreSpace--;
          expr = { type: "other", from: expr.from, to: this.pos };
          continue;
        }
        const key = this.expression();
        this.expect("]");
        this.newlinesAreSpace--;
        expr = { type: "index", object: expr, key, from: expr.from, to: this.pos };
        continue;
      }
      this.pos = save;
      return expr;
    }
  }

  private primary(): Expr {
    this.skip();
    const from = this.pos;
    const ch = this.src[this.pos];
    if (ch === undefined) this.fail("expected an expression, found the end of the file");
    if (ch === '"') return this.template('"');
    if (this.peek("<<")) return this.heredoc();
    if (/[0-9]/.test(ch) || (ch === "-" && /\d/.test(this.src[this.pos + 1] ?? ""))) return this.number();
    if (ch === "(") {
      this.pos++;
      this.newlinesAreSpace++;
      const inner = this.expression();
      this.expect(")");
      this.newlinesAreSpace--;
      return { type: "paren", inner, from, to: this.pos };
    }
    if (ch === "[") return this.tuple();
    if (ch === "{") return this.object();
    const name = this.identifier();
    if (name === null) this.fail(ch === "\n" || ch === "}" ? "expected an expression" : `unexpected "${ch}"`);
    if (name === "true" || name === "false") return { type: "literal", value: name === "true", from, to: this.pos };
    if (name === "null") return { type: "literal", value: null, from, to: this.pos };
    const afterName = this.pos;
    this.skip(false);
    if (this.peek("::")) {
      // Provider-defined functions: provider::name::fn(...).
      while (this.eat("::")) if (this.identifier() === null) this.fail("expected a function name");
      this.skip(false);
    }
    if (this.peek("(")) return this.call(name, from);
    this.pos = afterName;
    return { type: "variable", name, from, to: this.pos };
  }

  private number(): Expr {
    const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.src.slice(this.pos, this.pos + 64));
    if (!match) this.fail("expected a number");
    const from = this.pos;
    this.pos += match[0].length;
    return { type: "literal", value: Number(match[0]), from, to: this.pos };
  }

  private call(name: string, from: number): Expr {
    this.pos++;
    this.newlinesAreSpace++;
    const args: Expr[] = [];
    this.skip();
    while (!this.peek(")")) {
      args.push(this.expression());
      this.skip();
      this.eat("...");
      this.skip();
      if (!this.eat(",")) break;
      this.skip();
    }
    this.expect(")");
    this.newlinesAreSpace--;
    return { type: "call", name, args, from, to: this.pos };
  }

  private tuple(): Expr {
    const from = this.pos++;
    this.newlinesAreSpace++;
    this.skip();
    if (this.startsFor()) return this.forExpression(from, "]");
    const items: Expr[] = [];
    while (!this.peek("]")) {
      items.push(this.expression());
      this.skip();
      if (!this.eat(",")) break;
      this.skip();
    }
    this.expect("]");
    this.newlinesAreSpace--;
    return { type: "tuple", items, from, to: this.pos };
  }

  private startsFor(): boolean {
    return /^for[\s]/.test(this.src.slice(this.pos, this.pos + 4));
  }

  /** `[for x in xs : f(x)]` and `{for k, v in m : k => v...}`: extent only. */
  private forExpression(from: number, closing: "]" | "}"): Expr {
    this.newlinesAreSpace++;
    this.pos += 3;
    this.skip();
    if (this.identifier() === null) this.fail("expected a variable name after for");
    this.skip();
    if (this.eat(",")) {
      this.skip();
      if (this.identifier() === null) this.fail("expected a second variable name");
      this.skip();
    }
    if (!this.eat("in")) this.fail('expected "in"');
    this.expression();
    this.expect(":");
    this.expression();
    this.skip();
    if (this.eat("=>")) {
      this.expression();
      this.skip();
      this.eat("...");
    }
    this.skip();
    if (this.peek("if") && !ID_CONTINUE.test(this.src[this.pos + 2] ?? "")) {
      this.pos += 2;
      this.expression();
    }
    this.expect(closing);
    this.newlinesAreSpace -= 2;
    return { type: "other", from, to: this.pos };
  }

  private object(): Expr {
    const from = this.pos++;
    // Newlines separate items: they are significant here even inside brackets.
    const saved = this.newlinesAreSpace;
    this.newlinesAreSpace = 0;
    this.skip(true);
    if (this.startsFor()) {
      this.newlinesAreSpace = saved + 1;
      return this.forExpression(from, "}");
    }
    const items: { key: Expr; value: Expr }[] = [];
    while (!this.peek("}")) {
      const key = this.objectKey();
      this.skip(false);
      if (!(this.peek("=") && !this.peek("==")) && !this.peek(":"))
        this.fail('expected "=" or ":" after an object key');
      this.pos++;
      const value = this.expression();
      items.push({ key, value });
      this.skip(false);
      const separated = this.eat(",");
      this.skip(false);
      const newline = this.peek("\n");
      this.skip(true);
      if (!separated && !newline && !this.peek("}")) this.fail('expected "," or a newline between object items');
    }
    this.pos++;
    this.newlinesAreSpace = saved;
    return { type: "object", items, from, to: this.pos };
  }

  /** An identifier key is its name (not a variable); anything else is an expression. */
  private objectKey(): Expr {
    const from = this.pos;
    const name = this.identifier();
    if (name !== null) {
      const after = this.pos;
      this.skip(false);
      if ((this.peek("=") && !this.peek("==")) || this.peek(":")) {
        this.pos = after;
        return { type: "literal", value: name, from, to: after };
      }
      this.pos = from;
    }
    this.newlinesAreSpace++;
    const key = this.binary(0);
    this.newlinesAreSpace--;
    return key;
  }

  // --- templates -------------------------------------------------------------------------------

  /** A quoted template, `"…"`, with `${…}` interpolations and `%{…}` directives. */
  template(quote: '"'): Expr {
    const from = this.pos++;
    const { parts, directive } = this.templateParts((src, at) => src[at] === quote, true);
    if (!this.eat(quote)) this.fail("unterminated string", from);
    return this.templateExpr(parts, directive, from, this.pos);
  }

  private templateExpr(parts: (string | Expr)[], directive: boolean, from: number, to: number): Expr {
    if (!directive && parts.every((part) => typeof part === "string")) {
      return { type: "literal", value: parts.join(""), from, to };
    }
    return { type: "template", parts, directive, from, to };
  }

  private templateParts(
    atEnd: (src: string, at: number) => boolean,
    quoted: boolean,
  ): { parts: (string | Expr)[]; directive: boolean } {
    const src = this.src;
    const parts: (string | Expr)[] = [];
    let text = "";
    let directive = false;
    while (this.pos < src.length && !atEnd(src, this.pos)) {
      const ch = src[this.pos] as string;
      if (quoted && ch === "\n") this.fail("a quoted string cannot span lines");
      if (quoted && ch === "\\") {
        text += this.escape();
        continue;
      }
      if ((ch === "$" || ch === "%") && src[this.pos + 1] === ch && src[this.pos + 2] === "{") {
        text += `${ch}{`;
        this.pos += 3;
        continue;
      }
      if ((ch === "$" || ch === "%") && src[this.pos + 1] === "{") {
        if (text) parts.push(text);
        text = "";
        this.pos += 2;
        this.eat("~");
        this.newlinesAreSpace++;
        if (ch === "$") parts.push(this.expression());
        else {
          directive = true;
          this.directive();
        }
        this.skip();
        this.eat("~");
        this.expect("}");
        this.newlinesAreSpace--;
        continue;
      }
      text += ch;
      this.pos++;
    }
    if (text) parts.push(text);
    return { parts, directive };
  }

  private escape(): string {
    const src = this.src;
    const next = src[this.pos + 1];
    this.pos += 2;
    switch (next) {
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      case '"':
        return '"';
      case "\\":
        return "\\";
      case "u":
      case "U": {
        const length = next === "u" ? 4 : 8;
        const hex = src.slice(this.pos, this.pos + length);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) this.fail("bad unicode escape");
        this.pos += length;
        return String.fromCodePoint(Number.parseInt(hex, 16));
      }
      default:
        this.fail(`unknown escape \\${next ?? ""}`, this.pos - 2);
    }
  }

  /** `%{ if … }`, `%{ for … in … }`, `%{ else }`, `%{ endif }`, `%{ endfor }`: extent only. */
  private directive(): void {
    this.skip();
    const keyword = this.identifier();
    if (keyword === "if") this.expression();
    else if (keyword === "for") {
      this.skip();
      this.identifier();
      this.skip();
      if (this.eat(",")) {
        this.skip();
        this.identifier();
        this.skip();
      }
      if (!this.eat("in")) this.fail('expected "in" in a template for directive');
      this.expression();
    } else if (keyword !== "else" && keyword !== "endif" && keyword !== "endfor") {
      this.fail("unknown template directive");
    }
  }

  /** `<<EOT` / `<<-EOT` … `EOT`: a template over whole lines, indentation stripped for `<<-`. */
  private heredoc(): Expr {
    const from = this.pos;
    this.pos += 2;
    const indented = this.eat("-");
    const marker = this.identifier();
    if (marker === null) this.fail("expected a heredoc marker");
    if (this.src[this.pos] === "\r") this.pos++;
    if (!this.eat("\n")) this.fail("expected a newline after the heredoc marker");
    const src = this.src;
    // The closing marker is a line holding only the marker (and indentation).
    let end = -1;
    let lineStart = this.pos;
    while (lineStart <= src.length) {
      const lineEnd = src.indexOf("\n", lineStart);
      const line = src.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
      if (line.trim() === marker) {
        end = lineStart;
        break;
      }
      if (lineEnd < 0) break;
      lineStart = lineEnd + 1;
    }
    if (end < 0) this.fail(`unterminated heredoc (no line "${marker}")`, from);
    const { parts, directive } = this.templateParts((_src, at) => at >= end, false);
    this.pos = src.indexOf(marker, end) + marker.length;
    const stripped = indented ? stripIndent(parts) : parts;
    return this.templateExpr(stripped, directive, from, this.pos);
  }
}

/** `<<-` removes the smallest indentation of the literal lines from every line. */
function stripIndent(parts: (string | Expr)[]): (string | Expr)[] {
  const text = parts.filter((part): part is string => typeof part === "string").join("");
  const indents = text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  if (cut === 0) return parts;
  const pattern = new RegExp(`(^|\\n)[ \\t]{0,${cut}}`, "g");
  return parts.map((part) => (typeof part === "string" ? part.replace(pattern, "$1") : part));
}

/** Parses a whole file; never throws. A syntax error is reported once, the rest still read. */
export function parseHclSyntax(source: string): SyntaxResult {
  const parser = new Parser(source);
  const body = parser.body(null);
  const error = parser.firstError;
  return { body, error: error ? { offset: error.offset, message: error.message } : null };
}
