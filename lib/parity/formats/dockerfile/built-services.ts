import type { ImageService } from "../../catalog";
import { redactText } from "../../redact";
import type { Environment, ExtractContext, ExtractedUse } from "../../types";
import { buildersOf } from "./role";

/**
 * A Dockerfile whose final stage starts from a backing service's image (`FROM postgres:14`, then
 * extensions installed with apt) is that service, built by the compose services that name it in
 * `build:`: it runs in each of their files' environments (a dev stack's database, a self-hosting
 * stack's). One use per environment, at the `FROM` line, where its version is written. A service
 * Dockerfile no compose file builds says nothing about where it runs: nothing is reported.
 */
export function builtServiceUses(
  path: string,
  lastStage: string | null,
  service: ImageService,
  from: { line: number; written: string },
  ctx: ExtractContext,
): ExtractedUse[] {
  if (service.kind === "runtime") return [];
  const uses: ExtractedUse[] = [];
  const seen = new Set<Environment>();
  for (const builder of buildersOf(path, lastStage, ctx)) {
    if (seen.has(builder.environment)) continue;
    seen.add(builder.environment);
    uses.push({
      kind: service.kind,
      engine: service.engine,
      version: service.version,
      pinned: service.pinned,
      line: from.line,
      raw: redactText(`FROM ${from.written} (built by ${builder.compose} service ${builder.service})`),
      via: "image",
      environment: builder.environment,
      name: builder.service,
      ...(service.emulator ? { emulator: service.emulator } : {}),
    });
  }
  return uses;
}
