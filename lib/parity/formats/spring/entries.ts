import { isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from "yaml";
import type { Problem } from "../../types";

/** One property as Spring sees it: a relaxed-binding key, its value and where it is written. */
export interface SpringEntry {
  /** Lower-case, without `-` or `_` (Spring's relaxed binding): `spring.datasource.url`. */
  key: string;
  /** The key as written, for evidence. */
  name: string;
  value: string;
  line: number;
  /** Profile of the document (`spring.config.activate.on-profile`), null for the default. */
  profile: string | null;
  /** Index of the document in the file (multi-document YAML or `#---` in properties). */
  document: number;
}

export function relaxedKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, "");
}

const ACTIVATION = new Set([relaxedKey("spring.config.activate.on-profile"), relaxedKey("spring.profiles")]);

/** The first profile of a profile expression (`prod`, `prod & eu`, `!dev` is no profile). */
function firstProfile(expression: string): string | null {
  const match = /^\s*\(?\s*([A-Za-z0-9_.-]+)/.exec(expression);
  if (!match?.[1] || expression.trim().startsWith("!")) return null;
  return match[1];
}

function withProfiles(entries: Omit<SpringEntry, "profile">[]): SpringEntry[] {
  const profiles = new Map<number, string | null>();
  for (const entry of entries) {
    if (ACTIVATION.has(entry.key)) profiles.set(entry.document, firstProfile(entry.value));
  }
  return entries.map((entry) => ({ ...entry, profile: profiles.get(entry.document) ?? null }));
}

/** `.properties`: `key=value`, `key: value`, `\` continuations, `#---` document separators. */
export function propertiesEntries(content: string): SpringEntry[] {
  const entries: Omit<SpringEntry, "profile">[] = [];
  const lines = content.split(/\r?\n/);
  let document = 0;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? "";
    if (/^\s*[#!]---\s*$/.test(text)) {
      document++;
      continue;
    }
    if (/^\s*([#!]|$)/.test(text)) continue;
    const line = index + 1;
    let logical = text;
    while (logical.endsWith("\\") && index + 1 < lines.length) {
      index++;
      logical = logical.slice(0, -1) + (lines[index] ?? "").trimStart();
    }
    const match = /^\s*([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(logical);
    if (match?.[1])
      entries.push({ key: relaxedKey(match[1]), name: match[1], value: (match[2] ?? "").trim(), line, document });
  }
  return withProfiles(entries);
}

/** YAML (multi-document): nested maps flattened to dotted keys, lines from the AST. */
export function yamlEntries(content: string, problems: Problem[]): SpringEntry[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(content, { lineCounter, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  const entries: Omit<SpringEntry, "profile">[] = [];
  list.forEach((doc, document) => {
    const error = doc.errors[0];
    if (error) {
      problems.push({
        type: "parse-error",
        line: lineCounter.linePos(error.pos[0]).line,
        message: error.message.split("\n")[0] ?? "invalid YAML",
      });
      return;
    }
    const walk = (node: Node | null | undefined, prefix: string) => {
      if (isMap(node)) {
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          const key = prefix ? `${prefix}.${String(pair.key.value)}` : String(pair.key.value);
          walk(pair.value as Node | null, key);
        }
        return;
      }
      if (isSeq(node)) {
        node.items.forEach((item, i) => {
          walk(item as Node | null, `${prefix}[${i}]`);
        });
        return;
      }
      if (isScalar(node) && node.value !== null && node.range) {
        const line = lineCounter.linePos(node.range[0]).line;
        entries.push({ key: relaxedKey(prefix), name: prefix, value: String(node.value), line, document });
      }
    };
    walk(doc.contents as Node | null, "");
  });
  return withProfiles(entries);
}
