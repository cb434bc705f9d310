import type { ExtractContext } from "../../types";
import { pathIndex } from "../shared/path-index";

const MANAGE_PY = /(^|\/)manage\.py$/;

/**
 * The repository is a Django project: it has a `manage.py`. Asked once per compose file and
 * entrypoint script, answered once per snapshot; the `y` hint tests only the paths ending in `y`
 * (a monorepo's 100,000 `.ts` paths are never read), and a one-character hint keeps snapshot order.
 */
export function isDjangoProject(ctx: ExtractContext): boolean {
  return pathIndex(ctx.paths).select("django:manage", (path) => MANAGE_PY.test(path), "y").length > 0;
}
