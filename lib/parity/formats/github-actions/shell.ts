import type { Node } from "yaml";
import { isScalar } from "../shared/yaml-nodes";

/** One simple shell command of a `run:` script, as words, with the line it starts on. */
export interface ShellCommand {
  words: string[];
  line: number;
}

/**
 * Lines of a `run:` value with their line in the workflow. Block scalars map line for line to
 * the source after their header (`|`); a flow scalar is one line at its node's line.
 */
function scriptLines(node: Node, content: string, lineOf: (n: Node) => number): { text: string; line: number }[] {
  const start = lineOf(node);
  if (!isScalar(node)) return [];
  const value = typeof node.value === "string" ? node.value : String(node.value ?? "");
  if ((node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") && node.range) {
    const source = content.slice(node.range[0], node.range[1]).split(/\r?\n/).slice(1);
    return source.map((text, index) => ({ text, line: start + 1 + index }));
  }
  return value.split(/\r?\n/).map((text) => ({ text, line: start }));
}

/** Splits a script into commands: continuations joined, `&&`, `||`, `;`, `|` separate. */
export function shellCommands(node: Node, content: string, lineOf: (n: Node) => number): ShellCommand[] {
  return commandsOfLines(scriptLines(node, content, lineOf));
}

/** The commands of a script file or an npm script (`line` numbers the script's own lines). */
export function scriptCommands(text: string): ShellCommand[] {
  return commandsOfLines(text.split("\n").map((line, index) => ({ text: line, line: index + 1 })));
}

function commandsOfLines(lines: readonly { text: string; line: number }[]): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let pending = "";
  let pendingLine = 0;
  for (const { text, line } of lines) {
    if (pending === "") pendingLine = line;
    if (/\\\s*$/.test(text)) {
      pending += `${text.replace(/\\\s*$/, "")} `;
      continue;
    }
    for (const words of splitWords(pending + text)) commands.push({ words, line: pendingLine });
    pending = "";
  }
  if (pending) for (const words of splitWords(pending)) commands.push({ words, line: pendingLine });
  return commands;
}

/** A small tokenizer: quotes group words, operators end commands, `#` starts a comment. */
function splitWords(line: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = "";
  let quote: string | null = null;
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
      continue;
    }
    if (ch === "#" && !inWord) break;
    if (ch === ";" || ch === "|" || ch === "&") {
      endCommand();
      continue;
    }
    if (isSpace(ch)) {
      endWord();
      continue;
    }
    word += ch;
    inWord = true;
  }
  endCommand();
  return commands;
}

/** `/\s/.test(ch)` for one character, with ASCII answered by comparison (no regex per character). */
function isSpace(ch: string): boolean {
  if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\v" || ch === "\f") return true;
  return ch > "\u007f" && /\s/.test(ch);
}

/** Drops `sudo`, `VAR=value` prefixes and `bundle exec`/`npx` wrappers before the program. */
export function programWords(words: readonly string[]): string[] {
  let rest = [...words];
  while (rest.length > 0) {
    const first = rest[0] as string;
    if (first === "sudo" || first === "time" || first === "exec" || first === "npx" || /^[A-Za-z_]\w*=/.test(first)) {
      rest = rest.slice(1);
      continue;
    }
    if ((first === "bundle" || first === "pnpm" || first === "yarn") && (rest[1] === "exec" || rest[1] === "dlx")) {
      rest = rest.slice(2);
      continue;
    }
    break;
  }
  return rest;
}

const RUN_BOOLEAN_LONG = new Set([
  "--rm",
  "--detach",
  "--interactive",
  "--tty",
  "--init",
  "--privileged",
  "--read-only",
  "--publish-all",
  "--no-healthcheck",
  "--quiet",
  "--oom-kill-disable",
]);

/** The image of `docker run [options] IMAGE [command]`, or null. */
export function dockerRunImage(words: readonly string[]): string | null {
  const w = programWords(words);
  let i: number;
  if (w[0] === "docker" && w[1] === "run") i = 2;
  else if (w[0] === "docker" && w[1] === "container" && w[2] === "run") i = 3;
  else return null;
  for (; i < w.length; i++) {
    const word = w[i] as string;
    if (!word.startsWith("-")) return word;
    if (word.includes("=") || RUN_BOOLEAN_LONG.has(word) || /^-[ditPq]+$/.test(word)) continue;
    i++;
  }
  return null;
}

const COMPOSE_VALUE_OPTIONS = new Set([
  "-p",
  "--project-name",
  "--env-file",
  "--profile",
  "--ansi",
  "--progress",
  "--parallel",
]);

/** `docker compose -f a.yml up` -> files (as written) and project directory; null if not `up`/`run`. */
export function composeStart(words: readonly string[]): { files: string[]; projectDirectory: string | null } | null {
  const w = programWords(words);
  let i: number;
  if (w[0] === "docker" && w[1] === "compose") i = 2;
  else if (w[0] === "docker-compose") i = 1;
  else return null;
  const files: string[] = [];
  let projectDirectory: string | null = null;
  for (; i < w.length; i++) {
    const word = w[i] as string;
    const [flag, inline] = word.includes("=")
      ? [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)]
      : [word, undefined];
    if (flag === "-f" || flag === "--file" || flag === "--project-directory") {
      const value = inline ?? w[++i];
      if (value === undefined) return null;
      if (flag === "--project-directory") projectDirectory = value;
      else files.push(value);
      continue;
    }
    if (COMPOSE_VALUE_OPTIONS.has(flag)) {
      if (inline === undefined) i++;
      continue;
    }
    if (word.startsWith("-")) continue;
    return word === "up" || word === "run" || word === "create" ? { files, projectDirectory } : null;
  }
  return null;
}
