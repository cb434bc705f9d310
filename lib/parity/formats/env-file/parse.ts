/**
 * Dotenv parsing shared by `env-file` and `compose` (interpolation from a sibling `.env`).
 * Dotenv is read as text: lines are scanned here, as the house rules allow for `.env`.
 * Follows the dotenv / Compose `.env` syntax: `export KEY=`, single and double quotes,
 * inline ` #` comments after unquoted values, CRLF line ends.
 * https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax
 */

export interface EnvEntry {
  key: string;
  value: string;
  /** 1-based line of the key. */
  line: number;
  quoted: boolean;
}

const ENTRY = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=|:\s)\s*(.*)$/;

export function parseEnv(content: string): EnvEntry[] {
  const lines = content.split(/\r\n|\n|\r/);
  const entries: EnvEntry[] = [];
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? "";
    if (/^\s*(#|$)/.test(text)) continue;
    const match = ENTRY.exec(text);
    if (!match) continue;
    const key = match[1] as string;
    const rest = (match[2] ?? "").trimEnd();
    const line = index + 1;
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === "`") {
      const { value, consumed } = readQuoted(lines, index, rest, quote);
      entries.push({ key, value, line, quoted: true });
      index += consumed;
      continue;
    }
    entries.push({ key, value: rest.replace(/\s+#.*$/, "").trim(), line, quoted: false });
  }
  return entries;
}

/** Reads a quoted value, which may span lines when the closing quote comes later. */
function readQuoted(
  lines: readonly string[],
  start: number,
  rest: string,
  quote: string,
): { value: string; consumed: number } {
  let body = rest.slice(1);
  let consumed = 0;
  let end = findClosing(body, quote);
  while (end < 0 && start + consumed + 1 < lines.length) {
    consumed++;
    body += `\n${lines[start + consumed] ?? ""}`;
    end = findClosing(body, quote);
  }
  // An unclosed quote: dotenv keeps the line as written; we keep the first line only.
  if (end < 0) return { value: rest.slice(1), consumed: 0 };
  const raw = body.slice(0, end);
  const value = quote === '"' ? raw.replace(/\\n/g, "\n").replace(/\\(["\\])/g, "$1") : raw;
  return { value, consumed };
}

function findClosing(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\" && quote === '"') {
      i++;
      continue;
    }
    if (body[i] === quote) return i;
  }
  return -1;
}

/** `KEY -> value`, the last definition winning as in dotenv. */
export function envMap(content: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (content === undefined) return map;
  for (const entry of parseEnv(content)) map.set(entry.key, entry.value);
  return map;
}
