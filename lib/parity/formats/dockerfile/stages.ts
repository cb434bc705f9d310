import type { ServiceUse } from "../../types";

/**
 * Appended to the `name` of a build stage's runtime use when the runtime stage copies that
 * stage's files (`COPY --from=deps /app/node_modules ...`): what it installed runs on the runtime
 * stage's version, so the two must agree (native modules are built for one Node ABI).
 */
export const COPIED_INTO_RUNTIME = ", copied into the runtime stage";

export function isCopiedBuildStage(use: Pick<ServiceUse, "name">): boolean {
  return use.name?.endsWith(COPIED_INTO_RUNTIME) ?? false;
}
