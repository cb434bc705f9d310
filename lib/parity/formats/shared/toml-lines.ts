/**
 * smol-toml parses values but keeps no positions, so the TOML formats (fly.toml, railway.toml)
 * pair its values with this line locator: a scan of table headers (`[a.b]`, `[[a]]`) and key
 * lines (`key = ...`, dotted and quoted keys) that maps each key path to its 1-based line.
 * Arrays of tables are indexed (`mounts.0.source`), as the parsed value is. Multi-line strings
 * and arrays are skipped so their contents never look like keys. It trusts smol-toml for
 * validity: a file that does not parse is reported from smol-toml's error, not from here.
 */

const SEGMENT = /^\s*(?:([A-Za-z0-9_-]+)|"((?:[^"\\]|\\.)*)"|'([^']*)')\s*/;

/** Reads a dotted key (`a."b.c".d`) from the start of text; returns its parts and the rest. */
function readKey(text: string): { parts: string[]; rest: string } | null {
  const parts: string[] = [];
  let rest = text;
  for (;;) {
    const match = SEGMENT.exec(rest);
    if (!match) return null;
    parts.push(match[1] ?? match[2] ?? match[3] ?? "");
    rest = rest.slice(match[0].length);
    if (!rest.startsWith(".")) return { parts, rest };
    rest = rest.slice(1);
  }
}

/** Bracket depth change and open multi-line string of a value, ignoring strings and comments. */
function scanValue(text: string): { depth: number; openString: string | null } {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest.startsWith('"""') || rest.startsWith("'''")) {
      const delimiter = rest.slice(0, 3);
      const close = text.indexOf(delimiter, i + 3);
      if (close < 0) return { depth, openString: delimiter };
      i = close + 3;
      continue;
    }
    const ch = text[i];
    if (ch === "#") break;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += ch === '"' && text[j] === "\\" ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (ch === "[" || ch === "{") depth++;
    if (ch === "]" || ch === "}") depth--;
    i++;
  }
  return { depth, openString: null };
}

export function tomlKeyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const arrays = new Map<string, number>();
  let prefix: string[] = [];
  let openString: string | null = null;
  let depth = 0;

  /** Header segments to an indexed path: `services.ports` -> `services.0.ports`. */
  function resolve(parts: string[]): string[] {
    const out: string[] = [];
    for (const part of parts) {
      out.push(part);
      const index = arrays.get(out.join("."));
      if (index !== undefined) out.push(String(index));
    }
    return out;
  }

  text.split(/\r?\n/).forEach((line, i) => {
    const lineNo = i + 1;
    if (openString) {
      if (line.includes(openString)) openString = null;
      return;
    }
    if (depth > 0) {
      depth += scanValue(line).depth;
      return;
    }
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const header = /^\[(\[?)(.*?)\]\]?\s*(#.*)?$/.exec(trimmed);
    if (header && trimmed.startsWith("[")) {
      const key = readKey(header[2] ?? "");
      if (!key) return;
      if (header[1]) {
        const parent = resolve(key.parts.slice(0, -1));
        const arrayPath = [...parent, key.parts[key.parts.length - 1] ?? ""].join(".");
        const index = (arrays.get(arrayPath) ?? -1) + 1;
        arrays.set(arrayPath, index);
        prefix = [...arrayPath.split("."), String(index)];
      } else {
        prefix = resolve(key.parts);
      }
      lines.set(prefix.join("."), lineNo);
      return;
    }
    const key = readKey(trimmed);
    if (!key?.rest.startsWith("=")) return;
    const path = [...prefix, ...key.parts].join(".");
    if (!lines.has(path)) lines.set(path, lineNo);
    const scan = scanValue(key.rest.slice(1));
    depth = Math.max(0, scan.depth);
    openString = scan.openString;
  });
  return lines;
}

/** The line of the longest known prefix of a key path (a key's table when the key is absent). */
export function lineOf(lines: Map<string, number>, path: string, fallback = 1): number {
  const parts = path.split(".");
  while (parts.length > 0) {
    const line = lines.get(parts.join("."));
    if (line !== undefined) return line;
    parts.pop();
  }
  return fallback;
}
