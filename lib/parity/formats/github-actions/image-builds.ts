import type { ExtractContext } from "../../types";
import { joinPath } from "../shared/paths";
import { programWords, scriptCommands } from "./shell";
import { testCommand } from "./tests";

/**
 * A CI job that builds an image runs the Dockerfile's `RUN` instructions: a `RUN go test ./...`
 * or `RUN npm test` there is a test the job runs. The Dockerfile is `-f`/`--file` (or `file:` of
 * `docker/build-push-action`), else `Dockerfile` in the build context.
 */

/** `docker build|buildx build [-f F] CONTEXT` -> the Dockerfile path as written, or null. */
export function dockerBuildFile(words: readonly string[], cwd: string): string | null {
  const w = programWords(words);
  let i: number;
  if (w[0] === "docker" && w[1] === "build") i = 2;
  else if (w[0] === "docker" && (w[1] === "buildx" || w[1] === "image") && w[2] === "build") i = 3;
  else return null;
  let file: string | null = null;
  let context: string | null = null;
  for (; i < w.length; i++) {
    const word = w[i] as string;
    if (word === "-f" || word === "--file") {
      file = w[++i] ?? null;
      continue;
    }
    if (word.startsWith("--file=")) {
      file = word.slice("--file=".length);
      continue;
    }
    if (word.startsWith("-")) {
      // Options with a separate value (`-t app`, `--build-arg X=1`, `--target test`).
      if (
        !word.includes("=") &&
        /^(-t|--tag|--build-arg|--target|--platform|--label|--secret|--cache-from|--cache-to|--output|-o|--network|--progress|--builder)$/.test(
          word,
        )
      )
        i++;
      continue;
    }
    context = word;
  }
  return dockerfilePath(file, context, cwd);
}

export function dockerfilePath(file: string | null, context: string | null, cwd: string): string | null {
  if (file?.includes("$") || context?.includes("$") || context === "-") return null;
  const base = joinPath(cwd, context ?? ".") ?? cwd;
  if (file) return joinPath(file.startsWith("/") ? "" : cwd, file);
  return joinPath(base, "Dockerfile");
}

/** The first test command a Dockerfile's `RUN` instructions run (`go test`), or null. */
export function dockerfileTests(path: string, ctx: ExtractContext): string | null {
  const content = ctx.readFile(path);
  if (content === undefined) return null;
  const lines = content.split("\n");
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] as string;
    if (!/^\s*RUN\s/i.test(line)) continue;
    while (/\\\s*$/.test(line) && index + 1 < lines.length) line = `${line.replace(/\\\s*$/, " ")}${lines[++index]}`;
    const script = line.replace(/^\s*RUN\s+(--\S+\s+)*/i, "");
    for (const command of scriptCommands(script)) {
      const found = testCommand(command.words);
      if (found) return `${found} (${path})`;
    }
  }
  return null;
}
