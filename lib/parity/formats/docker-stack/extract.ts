import type { ExtractContext, ExtractResult, FormatFile } from "../../types";
import { extractCompose } from "../compose/extract";
import { deployEnvironment } from "../shared/path-environment";

function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * A Swarm stack file (`docker stack deploy -c docker-stack.yml`) is a Compose file a cluster
 * runs: a production definition unless its name says otherwise (`docker-stack.dev.yml`). It is
 * read by the compose format's reader, as a production compose file (its literal credentials
 * are production literals, and it is no one-command dev environment).
 */
export function extractDockerStack(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const environment = deployEnvironment(basename(file.path));
  const dir = dirname(file.path);
  // The compose reader decides "production" from the file name: give it one that says so.
  const asCompose = environment === "prod" ? `${dir ? `${dir}/` : ""}docker-compose.prod.yml` : file.path;
  const result = extractCompose({ path: asCompose, content: file.content }, ctx);
  return { ...result, providesDevEnvironment: false, environment, references: [] };
}
