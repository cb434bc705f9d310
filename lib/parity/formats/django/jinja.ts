/**
 * Project templates (cookiecutter) write settings modules with Jinja tags: `{% if
 * cookiecutter.cloud_provider == 'AWS' %}` keeps one branch of a chain in the generated project.
 * A choice variable (a list in `cookiecutter.json`) is one of exclusive options whose default is
 * the first; a yes/no answer is a feature the user turns on or off, both real projects. So
 * conditions are decided from choice defaults only (three-valued: true, false, unknown), and a
 * branch is dropped only when its condition is known false or an earlier branch is known true.
 */

/** Choice variables of a template and their defaults (the first option). */
export type TemplateChoices = ReadonlyMap<string, string>;

type Tri = true | false | null;

/** `cookiecutter.json` -> the defaults of its list-valued (choice) variables. */
export function templateChoices(json: string | undefined): TemplateChoices {
  const choices = new Map<string, string>();
  if (!json) return choices;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== "object") return choices;
    for (const [key, value] of Object.entries(parsed)) {
      if (Array.isArray(value) && typeof value[0] === "string") choices.set(key, value[0]);
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

const TOKEN = /\s*(==|!=|\(|\)|\[|\]|,|"[^"]*"|'[^']*'|[A-Za-z_][\w.]*|\S)/y;

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
    const variable = /^cookiecutter\.(\w+)$/.exec(token)?.[1];
    if (variable !== undefined) return { variable, text: choices.get(variable) ?? null };
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
