import type { ExtractResult, Format } from "../../types";
import { extractDockerStack } from "./extract";

/** Docker Swarm stack files: Compose files `docker stack deploy` runs on a cluster. */
export const dockerStackFormat = {
  id: "docker-stack",
  title: "Docker Swarm stacks",
  patterns: ["**/docker-stack*.yml", "**/docker-stack*.yaml"],
  // The compose reader interpolates from the sibling `.env`.
  reads: ["**/.env"],
  extract(file, ctx): ExtractResult {
    try {
      return extractDockerStack(file, ctx);
    } catch (error) {
      return { uses: [], problems: [{ type: "parse-error", line: 1, message: `docker-stack: ${String(error)}` }] };
    }
  },
} satisfies Format;
