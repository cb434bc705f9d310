import type { ExtractContext, ExtractResult, FormatFile } from "../../types";
import { lineIndex } from "../shared/lines";
import { dirname } from "../shared/paths";
import { chartFiles, kustomizeFiles, manifestFiles, toReferences } from "../skaffold/targets";

type Found = { path: string; line: number };

/** Comments blanked (newlines kept), so call arguments are read from code only. */
function withoutComments(text: string): string {
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quote) {
      out += char;
      if (char === "\\") {
        out += text[i + 1] ?? "";
        i++;
      } else if (char === quote) quote = null;
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    if (char === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
      continue;
    }
    out += char;
  }
  return out;
}

/** The text between a call's parentheses (`open` is the index of `(`), strings respected. */
function callArguments(text: string, open: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    else if (char === "(" || char === "[") depth++;
    else if (char === ")" || char === "]") {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return text.slice(open + 1);
}

const STRING = /(["'])((?:\\.|(?!\1)[^\\\n])*)\1/g;

function literals(text: string): string[] {
  return [...text.matchAll(STRING)].map((match) => match[2] ?? "");
}

/** The first positional string argument and the strings of a keyword argument (`values=[...]`). */
function keywordStrings(args: string, keyword: string): string[] {
  const at = args.search(new RegExp(`\\b${keyword}\\s*=`));
  if (at < 0) return [];
  const rest = args.slice(at).replace(new RegExp(`^${keyword}\\s*=\\s*`), "");
  if (rest.startsWith("[")) return literals(callArguments(`(${rest}`, 0).slice(1));
  const first = literals(rest.split(",")[0] ?? "");
  return first;
}

const BUILD = /\b(docker_build(?:_with_restart)?|custom_build)\s*\(\s*(?:ref\s*=\s*)?["']([^"']+)["']/g;
const CALL = /\b(k8s_yaml|docker_compose|helm|kustomize)\s*\(/g;

/**
 * A Tiltfile (Starlark) is run by `tilt up`, the dev loop: the manifests (`k8s_yaml`), compose
 * files (`docker_compose`), charts (`helm`) and kustomizations (`kustomize`) it deploys are dev
 * facts too, returned as `references` in dev. Only string literals are followed: a path computed
 * at run time (`helmfile(...)`, `listdir(...)`) is not known from the file.
 */
export function extractTiltfile(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const code = withoutComments(file.content);
  const lineOf = lineIndex(code);
  const dir = dirname(file.path);
  const found: Found[] = [];
  for (const match of code.matchAll(CALL)) {
    const name = match[1];
    const open = (match.index ?? 0) + match[0].length - 1;
    const args = callArguments(code, open);
    const line = lineOf(match.index ?? 0);
    if (name === "helm") {
      const chart = literals(args.split(/[,)]/)[0] ?? "")[0];
      if (chart) {
        for (const path of chartFiles(dir, chart, keywordStrings(args, "values"), ctx)) found.push({ path, line });
      }
      continue;
    }
    if (name === "kustomize") {
      const target = literals(args.split(/[,)]/)[0] ?? "")[0];
      if (target) for (const path of kustomizeFiles(dir, target, ctx)) found.push({ path, line });
      continue;
    }
    // k8s_yaml / docker_compose: their own literal paths; nested helm()/kustomize() calls are
    // matched on their own.
    const own = args.replace(/\b(helm|kustomize|local|read_file|blob|str)\s*\([^)]*\)/g, "");
    for (const text of literals(own)) {
      if (!/\.ya?ml$/.test(text)) continue;
      for (const path of manifestFiles(dir, text, ctx)) found.push({ path, line });
    }
  }
  const references = toReferences(found, "dev");
  // `docker_build('app', ...)`: Tilt builds the image and rewrites the manifests' references to it.
  const builtImages = [...code.matchAll(BUILD)].map((match) => match[2] as string);
  return {
    uses: [],
    references,
    ...(builtImages.length > 0 ? { builtImages } : {}),
    providesDevEnvironment: references.length > 0,
    problems: [],
  };
}
