/**
 * Project templates (cookiecutter) write their files with Jinja tags: `{% if
 * cookiecutter.cloud_provider == 'AWS' %}` keeps one branch of a chain in the generated project.
 * A choice variable (a list in `cookiecutter.json`) is one of exclusive options whose default is
 * the first. A yes/no answer is a feature the user turns on or off, both real projects: a settings
 * module (`renderTemplate`) keeps both branches, as its assignments read line by line; a YAML or
 * Dockerfile (`renderTemplateFile`) is one document, so it is rendered with every default a user
 * who presses enter gets (yes/no answers included), or not at all when a branch cannot be decided.
 * Conditions are three-valued (true, false, unknown).
 */

/** Choice variables of a template and their defaults (the first option). */
export type TemplateChoices = ReadonlyMap<string, string>;

type Tri = true | false | null;

/** `cookiecutter.json` -> the defaults of its list-valued (choice) variables. */
export function templateChoices(json: string | undefined): TemplateChoices {
  return readDefaults(json, false);
}

/**
 * `cookiecutter.json` -> every default a user gets by pressing enter: a choice's first option and
 * each plain value (`"use_docker": "n"`, a boolean as Jinja prints it). A default computed from
 * other answers (`"{{ cookiecutter.project_name.lower()|replace(' ', '_') }}"`) is rendered with
 * them when it only uses string filters this reads; otherwise it is left out (unknown).
 */
export function templateDefaults(json: string | undefined): TemplateChoices {
  return readDefaults(json, true);
}

function readDefaults(json: string | undefined, plain: boolean): TemplateChoices {
  const choices = new Map<string, string>();
  if (!json) return choices;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== "object") return choices;
    for (const [key, value] of Object.entries(parsed)) {
      if (Array.isArray(value) && typeof value[0] === "string") choices.set(key, value[0]);
      else if (plain && typeof value === "string") {
        // A default computed from earlier answers is rendered with them, as cookiecutter does.
        const text = value.includes("{") ? renderValue(value, choices) : value;
        if (text !== null) choices.set(key, text);
      } else if (plain && typeof value === "number") choices.set(key, String(value));
      else if (plain && typeof value === "boolean") choices.set(key, value ? "True" : "False");
    }
  } catch {
    // Not JSON: nothing is decided, every branch is kept.
  }
  return choices;
}

/** The folder holding `cookiecutter.json` for a path inside a `{{cookiecutter.x}}` folder, or null. */
export function templateRoot(path: string): string | null {
  const index = path.indexOf("{{");
  if (index < 0 || !/\{\{\s*cookiecutter\./.test(path)) return null;
  return path.slice(0, path.lastIndexOf("/", index) + 1);
}

const TOKEN = /\s*(==|!=|>=|<=|>|<|\|int\b|\(|\)|\[|\]|,|"[^"]*"|'[^']*'|-?\d+(?:\.\d+)?(?![\w.])|[A-Za-z_][\w.]*|\S)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text);
    if (!match?.[1]) break;
    tokens.push(match[1]);
  }
  return tokens;
}

const not = (a: Tri): Tri => (a === null ? null : !a);
const and = (a: Tri, b: Tri): Tri => (a === false || b === false ? false : a === null || b === null ? null : true);
const or = (a: Tri, b: Tri): Tri => (a === true || b === true ? true : a === null || b === null ? null : false);

function literal(token: string | undefined): string | null {
  return token && /^["'].*["']$/.test(token) ? token.slice(1, -1) : null;
}

/** Evaluates a Jinja condition with the choice defaults; anything it cannot read is unknown. */
export function evaluateCondition(condition: string, choices: TemplateChoices): Tri {
  const tokens = tokenize(condition);
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];

  function value(): { variable: string | null; text: string | null } {
    const token = next();
    if (token === undefined) return { variable: null, text: null };
    const text = literal(token);
    if (text !== null) return { variable: null, text };
    if (/^-?\d/.test(token)) return { variable: null, text: token };
    const variable = /^cookiecutter\.(\w+)$/.exec(token)?.[1];
    if (variable !== undefined) {
      const value = choices.get(variable) ?? null;
      // `|int` (Jinja's filter): a number, or 0 when the text is not one.
      if (peek() !== "|int") return { variable, text: value };
      next();
      return { variable, text: value === null ? null : /^-?\d+(\.\d+)?$/.test(value.trim()) ? value.trim() : "0" };
    }
    return { variable: null, text: null };
  }

  function comparison(): Tri {
    if (peek() === "(") {
      next();
      const inner = disjunction();
      if (peek() === ")") next();
      return inner;
    }
    const left = value();
    const operator = peek();
    if (operator === "==" || operator === "!=") {
      next();
      const right = value();
      if (left.text === null || right.text === null) return null;
      return operator === "==" ? left.text === right.text : left.text !== right.text;
    }
    if (operator === ">=" || operator === "<=" || operator === ">" || operator === "<") {
      next();
      const right = value();
      const a = Number(left.text);
      const b = Number(right.text);
      if (left.text === null || right.text === null || Number.isNaN(a) || Number.isNaN(b)) return null;
      return operator === ">=" ? a >= b : operator === "<=" ? a <= b : operator === ">" ? a > b : a < b;
    }
    if (operator === "in" || (operator === "not" && tokens[position + 1] === "in")) {
      const negate = operator === "not";
      position += negate ? 2 : 1;
      if (next() !== "[") return null;
      const options: (string | null)[] = [];
      while (peek() !== undefined && peek() !== "]") {
        const token = next();
        if (token !== ",") options.push(literal(token));
      }
      next();
      if (left.text === null || options.includes(null)) return null;
      const found = options.includes(left.text);
      return negate ? !found : found;
    }
    return null;
  }

  function negation(): Tri {
    if (peek() === "not") {
      next();
      return not(negation());
    }
    return comparison();
  }

  function conjunction(): Tri {
    let result = negation();
    while (peek() === "and") {
      next();
      result = and(result, negation());
    }
    return result;
  }

  function disjunction(): Tri {
    let result = conjunction();
    while (peek() === "or") {
      next();
      result = or(result, conjunction());
    }
    return result;
  }

  const result = disjunction();
  return position === tokens.length ? result : null;
}

const INLINE_IF = /\{%-?\s*if\b(.*?)-?%\}(.*?)(?:\{%-?\s*else\s*-?%\}(.*?))?\{%-?\s*endif\s*-?%\}/g;

/** `{% if c %}a{% else %}b{% endif %}` inside a line: the branch c selects, the first when unknown. */
function renderInline(text: string, choices: TemplateChoices): string {
  return text
    .replace(INLINE_IF, (_, condition: string, then: string, otherwise: string | undefined) =>
      evaluateCondition(condition, choices) === false ? (otherwise ?? "") : then,
    )
    .replace(/\{%.*?%\}/g, "")
    .replace(/\{\{.*?\}\}/g, "x");
}

const STATEMENT = /^\s*\{%-?\s*(if|elif|else|endif)\b(.*?)-?%\}\s*$/;

interface Frame {
  /** The current branch is dropped. */
  dropped: boolean;
  /** An earlier branch of the chain is known to be taken. */
  taken: boolean;
}

/**
 * Blanks the lines of a templated module that the template's choice defaults leave out, and the
 * Jinja statement lines themselves; inline tags become nothing and `{{ }}` expressions `x`, so
 * `"redis://{% if ... %}redis{% endif %}:6379"` still reads as a Redis URL. Line numbers are kept.
 */
export function renderTemplate(content: string, choices: TemplateChoices): string {
  if (!content.includes("{%") && !content.includes("{{")) return content;
  const frames: Frame[] = [];
  const dropped = () => frames.some((frame) => frame.dropped);
  return content
    .split("\n")
    .map((text) => {
      const statement = STATEMENT.exec(text);
      if (statement) {
        const keyword = statement[1];
        const condition = statement[2] ?? "";
        if (keyword === "if") {
          const result = evaluateCondition(condition, choices);
          frames.push({ dropped: result === false, taken: result === true });
        } else if (keyword === "elif") {
          const frame = frames.at(-1);
          if (frame) {
            const result = frame.taken ? false : evaluateCondition(condition, choices);
            frame.dropped = result === false;
            frame.taken ||= result === true;
          }
        } else if (keyword === "else") {
          const frame = frames.at(-1);
          if (frame) frame.dropped = frame.taken;
        } else {
          frames.pop();
        }
        return "";
      }
      if (dropped()) return "";
      return renderInline(text, choices);
    })
    .join("\n");
}

const FILE_STATEMENT = /^\s*\{%-?\s*(\w+)\b(.*?)-?%\}\s*$/;
const TAG = /\{%-?\s*(\w+)\b(.*?)-?%\}|\{\{-?\s*("[^"]*"|'[^']*')\s*-?\}\}|\{\{-?(.*?)-?\}\}/g;

const FILTER = /^\s*(?:\.(lower|upper|strip|replace)\(|\|\s*(lower|upper|trim|replace)\b\s*(\(?))/;
const ARGUMENTS = /^\s*(?:"([^"]*)"|'([^']*)')\s*,\s*(?:"([^"]*)"|'([^']*)')\s*\)/;

/**
 * `{{ cookiecutter.x }}` with a known default, through Jinja's string filters (`|lower`, `|upper`,
 * `|trim`, `|replace('a', 'b')`, and Python's `.lower()`, `.upper()`, `.strip()`, `.replace()`),
 * or a string literal (`{{ "{{args}}" }}`); anything else is null.
 */
function expressionText(expression: string, defaults: TemplateChoices): string | null {
  const text = expression.trim();
  const quoted = literal(text);
  if (quoted !== null && !/["']/.test(quoted)) return quoted;
  const head = /^cookiecutter\.(\w+)/.exec(text);
  let value = head ? defaults.get(head[1] as string) : undefined;
  if (!head || value === undefined) return null;
  let rest = text.slice(head[0].length);
  while (rest.trim() !== "") {
    const filter = FILTER.exec(rest);
    if (!filter) return null;
    rest = rest.slice(filter[0].length);
    const name = filter[1] ?? filter[2];
    const called = filter[1] !== undefined || filter[3] === "(";
    if (name === "replace") {
      const args = called ? ARGUMENTS.exec(rest) : null;
      if (!args) return null;
      value = value.split(args[1] ?? args[2] ?? "").join(args[3] ?? args[4] ?? "");
      rest = rest.slice(args[0].length);
      continue;
    }
    if (called) {
      const close = /^\s*\)/.exec(rest);
      if (!close) return null;
      rest = rest.slice(close[0].length);
    }
    value = name === "lower" ? value.toLowerCase() : name === "upper" ? value.toUpperCase() : value.trim();
  }
  return value;
}

/** A default written as a template (`"{{ cookiecutter.a }}@{{ cookiecutter.b }}"`), or null. */
function renderValue(text: string, defaults: TemplateChoices): string | null {
  if (text.includes("{%") || text.includes("{#")) return null;
  let unknown = false;
  const out = text.replace(/\{\{-?(.*?)-?\}\}/g, (_, expression: string) => {
    const value = expressionText(expression, defaults);
    if (value === null) unknown = true;
    return value ?? "";
  });
  return unknown || out.includes("{{") ? null : out;
}

/**
 * One line's inline tags: `{% if c %}a{% else %}b{% endif %}`, `{% raw %}…{% endraw %}` and
 * `{{ cookiecutter.x }}`, or null when a condition, an expression or a tag cannot be decided.
 */
function renderFileLine(line: string, defaults: TemplateChoices): string | null {
  const text = line.includes("{#") ? line.replace(/\{#.*?#\}/g, "") : line;
  if (!text.includes("{%") && !text.includes("{{")) return text;
  let out = "";
  let position = 0;
  // Each open `if` on this line: whether its current branch is kept, and whether one was taken.
  const frames: { keep: boolean; taken: boolean }[] = [];
  const keeping = () => frames.every((frame) => frame.keep);
  TAG.lastIndex = 0;
  for (let match = TAG.exec(text); match; match = TAG.exec(text)) {
    if (keeping()) out += text.slice(position, match.index);
    position = match.index + match[0].length;
    const keyword = match[1];
    if (keyword === undefined) {
      if (!keeping()) continue;
      const value = expressionText(match[3] ?? match[4] ?? "", defaults);
      if (value === null) return null;
      out += value;
    } else if (keyword === "raw") {
      const end = text.indexOf("{%", position);
      const close = /\{%-?\s*endraw\s*-?%\}/.exec(text.slice(end));
      if (end < 0 || !close) return null;
      if (keeping()) out += text.slice(position, end + close.index);
      position = end + close.index + close[0].length;
      TAG.lastIndex = position;
    } else if (keyword === "if") {
      const result = keeping() ? evaluateCondition(match[2] ?? "", defaults) : false;
      if (result === null) return null;
      frames.push({ keep: result, taken: result });
    } else if (keyword === "elif" || keyword === "else") {
      const frame = frames.at(-1);
      if (!frame) return null;
      const result = frame.taken ? false : keyword === "else" ? true : evaluateCondition(match[2] ?? "", defaults);
      if (result === null) return null;
      frame.keep = result;
      frame.taken ||= result;
    } else if (keyword === "endif") {
      if (!frames.pop()) return null;
    } else {
      return null;
    }
  }
  if (frames.length > 0) return null;
  return out + text.slice(position);
}

/**
 * A templated file (YAML, Dockerfile, env file) as the template's defaults generate it, with the
 * template's line numbers: a `{% %}` statement line becomes blank, a dropped branch's lines blank,
 * `{{ cookiecutter.x }}` its default in place. Null when anything cannot be decided (a condition
 * on a computed value, a loop, an expression other than a variable): the file stays unread.
 */
export function renderTemplateFile(content: string, defaults: TemplateChoices): string | null {
  if (!content.includes("{%") && !content.includes("{{")) return content;
  const frames: Frame[] = [];
  const lines = content.split("\n");
  const out: string[] = [];
  let raw = false;
  for (const text of lines) {
    const statement = FILE_STATEMENT.exec(text);
    const dropped = frames.some((frame) => frame.dropped);
    if (raw) {
      if (statement?.[1] === "endraw") {
        raw = false;
        out.push("");
      } else out.push(dropped ? "" : text);
      continue;
    }
    if (statement && statement[1] !== "raw" && !/%\}.*\{%/.test(text)) {
      const keyword = statement[1];
      const condition = statement[2] ?? "";
      if (keyword === "if") {
        const result = dropped ? false : evaluateCondition(condition, defaults);
        if (result === null) return null;
        frames.push({ dropped: !result, taken: result });
      } else if (keyword === "elif" || keyword === "else") {
        const frame = frames.at(-1);
        if (!frame) return null;
        const outer = frames.slice(0, -1).some((each) => each.dropped);
        const result =
          frame.taken || outer ? false : keyword === "else" ? true : evaluateCondition(condition, defaults);
        if (result === null) return null;
        frame.dropped = !result;
        frame.taken ||= result;
      } else if (keyword === "endif") {
        if (!frames.pop()) return null;
      } else {
        return null;
      }
      out.push("");
      continue;
    }
    if (statement?.[1] === "raw") {
      raw = true;
      out.push("");
      continue;
    }
    if (dropped) {
      out.push("");
      continue;
    }
    const rendered = renderFileLine(text, defaults);
    if (rendered === null) return null;
    out.push(rendered);
  }
  return frames.length > 0 || raw ? null : out.join("\n");
}
