import { moveToProd } from "./toward-prod";
import type { Planner } from "./types";

/**
 * runtime-version: `.nvmrc`, `.node-version`, `.python-version`, `.tool-versions`, `setup-*`
 * `*-version:` inputs and dev or CI `FROM` lines move to prod's runtime version. A file whose tool
 * needs an exact patch release (asdf, rbenv) gets no plan when prod names only the minor.
 * Another runtime (Bun against Node.js), a build stage against its run stage, and a version floor
 * are judgement calls, not edits.
 */
export const planRuntimeVersion: Planner = (context) => moveToProd(context);
