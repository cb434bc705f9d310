import { classifyPath } from "../../classify";
import { redactText } from "../../redact";
import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { dockerfileRole } from "../dockerfile/role";
import { pathIndex } from "../shared/path-index";
import { isDjangoProject } from "./project";

/**
 * The entrypoint script of a Django application's image: a line that talks to PostgreSQL
 * (`until psql "$DATABASE_URL" -c '\q'`, `pg_isready -h "$POSTGRES_HOST"`) says the container
 * needs a PostgreSQL server to start, whatever the settings fall back to when nothing is set.
 * The script runs where the Dockerfile that makes it the ENTRYPOINT (or CMD) runs.
 */
export const ENTRYPOINT_GLOBS = ["**/*entrypoint", "**/*entrypoint.sh", "**/*entrypoint.bash"];

const ENTRYPOINT_NAME = /(^|\/)[^/]*entrypoint(\.sh|\.bash)?$/;

export function isEntrypoint(path: string): boolean {
  return ENTRYPOINT_NAME.test(path);
}

/** A command (not a comment, not an echo) that connects to PostgreSQL. */
const POSTGRES_COMMAND = /^\s*(?:(?:until|while|if)\s+!?\s*)?(?:[\w/.-]*\/)?(psql|pg_isready)\b/;

/** Dockerfiles whose ENTRYPOINT or CMD names the script, with the line and their environment. */
function startingDockerfiles(
  path: string,
  ctx: ExtractContext,
): { file: string; line: number; environment: Environment }[] {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const result: { file: string; line: number; environment: Environment }[] = [];
  const dockerfiles = pathIndex(ctx.paths).select("django:dockerfiles", (candidate) =>
    /(^|\/)(Dockerfile([.-][^/]*)?|[^/]*\.Dockerfile)$/.test(candidate),
  );
  for (const dockerfile of dockerfiles) {
    const content = ctx.readFile(dockerfile);
    if (!content) continue;
    const index = content
      .split("\n")
      .findIndex(
        (text) => /^\s*(ENTRYPOINT|CMD)\b/i.test(text) && new RegExp(`[/"'\\s\\[]${escapeRegExp(name)}\\b`).test(text),
      );
    if (index < 0) continue;
    const environment =
      dockerfileRole(dockerfile, content, null, ctx).environment ?? classifyPath(dockerfile, null)[0] ?? "prod";
    result.push({ file: dockerfile, line: index + 1, environment });
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function extractEntrypoint(file: FormatFile, ctx: ExtractContext): ExtractResult {
  if (!isDjangoProject(ctx)) return { uses: [], problems: [], unclaimed: true };
  const lines = file.content.split("\n");
  const line = lines.findIndex((text) => POSTGRES_COMMAND.test(text));
  if (line < 0) return { uses: [], problems: [] };
  const starters = startingDockerfiles(file.path, ctx);
  const uses: ExtractedUse[] = starters.map((starter) => ({
    kind: "database",
    engine: "postgres",
    version: null,
    pinned: null,
    line: line + 1,
    raw: `${redactText((lines[line] ?? "").trim()).slice(0, 100)} (the entrypoint of ${starter.file}:${starter.line} waits for PostgreSQL)`,
    via: "setting",
    environment: starter.environment,
  }));
  return { uses, problems: [] };
}
