import { engineLabel } from "../catalog/index";
import { isDocumented, isMinimum } from "../formats/runtime-versions/roles";
import type { Environment, Report, ServiceUse } from "../types";
import { ENVIRONMENTS, SERVICE_KINDS } from "../types";

export interface MatrixRow {
  /** `database`, `cache`, ... or `runtime: node` (runtimes get one row per language). */
  label: string;
  /** One cell per environment column: what that environment runs, `—` for nothing. */
  cells: string[];
}

export interface Matrix {
  environments: Environment[];
  rows: MatrixRow[];
}

export const EMPTY_CELL = "—";

/**
 * Runtime facts that are not what an environment runs: a minimum the project states (`engines`
 * `>=20.9`, go.mod's `go` line) and a version documentation tells readers to install. The matrix
 * shows them as what they are, and drift flags leave them out.
 */
export function isStatedOnly(use: Pick<ServiceUse, "kind" | "name">): boolean {
  return isMinimum(use) || isDocumented(use);
}

function useLabel(use: ServiceUse): string {
  let label = engineLabel(use.engine);
  if (isMinimum(use)) return `${label} >= ${use.version ?? "?"} (minimum)`;
  if (isDocumented(use)) return `${label} ${use.version ?? "?"} (docs)`;
  if (use.version) label += ` ${use.version}`;
  if (use.emulator) label += ` (${use.emulator})`;
  if (use.pinned === false) label += " (unpinned)";
  return label;
}

/** The service x environment matrix every renderer shows: rows by kind, columns by environment. */
export function buildMatrix(report: Pick<Report, "inventory">): Matrix {
  const environments = ENVIRONMENTS.filter((env) => report.inventory.some((use) => use.environment === env));
  const rows: MatrixRow[] = [];
  for (const kind of SERVICE_KINDS) {
    const uses = report.inventory.filter((use) => use.kind === kind);
    if (uses.length === 0) continue;
    // Several runtimes (node and python) are not a difference: each gets its own row.
    const groups =
      kind === "runtime"
        ? [...new Set(uses.map((use) => use.engine))].sort().map((engine) => ({
            label: `runtime: ${engineLabel(engine)}`,
            uses: uses.filter((use) => use.engine === engine),
          }))
        : [{ label: kind, uses }];
    for (const group of groups) {
      const cells = environments.map((env) => {
        const labels = [...new Set(group.uses.filter((use) => use.environment === env).map(useLabel))];
        return labels.length > 0 ? labels.join(", ") : EMPTY_CELL;
      });
      rows.push({ label: group.label, cells });
    }
  }
  return { environments, rows };
}
