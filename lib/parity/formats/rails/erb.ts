/**
 * Rails YAML files are ERB templates. We never evaluate Ruby: each `<%= %>` output tag becomes a
 * plain token the YAML parser reads as a scalar, and `<% %>` control tags become blanks. Newlines
 * inside tags are kept so YAML line numbers still match the file.
 */

export interface ErbExpression {
  /** The Ruby expression as written (trimmed). */
  source: string;
  /** `ENV.fetch("DATABASE_URL")` / `ENV["DATABASE_URL"]`: the variable read, when any. */
  envVar: string | null;
  /** The literal the expression falls back to when the variable is unset. */
  fallback: string | null;
}

export interface NeutralisedErb {
  text: string;
  expressions: Map<string, ErbExpression>;
}

const TAG = /<%(=|#|-)?([\s\S]*?)-?%>/g;

export function neutraliseErb(content: string): NeutralisedErb {
  const expressions = new Map<string, ErbExpression>();
  let index = 0;
  const text = content.replace(TAG, (_match, marker: string | undefined, body: string) => {
    const newlines = body.replace(/[^\n]/g, "");
    if (marker !== "=") return newlines;
    const token = `__erb_${index++}__`;
    expressions.set(token, parseErbExpression(body.trim()));
    return token + newlines;
  });
  return { text, expressions };
}

const STRING = String.raw`(?:"([^"]*)"|'([^']*)'|(\d+))`;
const FETCH_BLOCK = new RegExp(String.raw`ENV\.fetch\(\s*["']([A-Z0-9_]+)["']\s*\)\s*\{\s*${STRING}\s*\}`);
const FETCH_ARG = new RegExp(String.raw`ENV\.fetch\(\s*["']([A-Z0-9_]+)["']\s*,\s*${STRING}\s*\)`);
const INDEX_OR = new RegExp(String.raw`ENV\[\s*["']([A-Z0-9_]+)["']\s*\]\s*(?:\|\||or)\s*${STRING}`);
const ANY_ENV = /ENV(?:\.fetch\(\s*|\[\s*)["']([A-Z0-9_]+)["']/;

export function parseErbExpression(source: string): ErbExpression {
  for (const pattern of [FETCH_BLOCK, FETCH_ARG, INDEX_OR]) {
    const match = pattern.exec(source);
    if (match) {
      return { source, envVar: match[1] ?? null, fallback: match[2] ?? match[3] ?? match[4] ?? null };
    }
  }
  const env = ANY_ENV.exec(source);
  return { source, envVar: env?.[1] ?? null, fallback: null };
}

/** The ERB expression a YAML value stands for, when the value is exactly one token. */
export function erbOf(value: unknown, expressions: Map<string, ErbExpression>): ErbExpression | null {
  if (typeof value !== "string") return null;
  return expressions.get(value.trim()) ?? null;
}
