import { engineLabel } from "@/lib/parity/catalog";
import { buildMatrix, EMPTY_CELL, isStatedOnly } from "@/lib/parity/report/matrix";
import type { Environment, Report, ServiceUse } from "@/lib/parity/types";
import type { MatrixCellUse, MatrixRowView } from "../dashboard-types";
import { githubBlobUrl } from "../format";
import { groupUses, shownEntry, type UseEntry } from "./matrix-entries";

/** Reference column for drift: production when it runs the service, else the latest stage that does. */
const REFERENCE_ORDER: readonly Environment[] = ["prod", "staging", "ci", "test", "dev"];

/** The uses behind one row of `buildMatrix`: its label is the kind, or `runtime: <engine label>`. */
function usesOfRow(inventory: readonly ServiceUse[], label: string): ServiceUse[] {
  if (label.startsWith("runtime: ")) {
    return inventory.filter((use) => use.kind === "runtime" && `runtime: ${engineLabel(use.engine)}` === label);
  }
  return inventory.filter((use) => use.kind === label);
}

/** Engines always compare; versions only when both sides know theirs (unknown is not a difference). */
function differs(cell: readonly ServiceUse[], reference: readonly ServiceUse[]): boolean {
  const engines = (uses: readonly ServiceUse[]) => [...new Set(uses.map((use) => use.engine))].sort().join(",");
  if (engines(cell) !== engines(reference)) return true;
  const versions = (uses: readonly ServiceUse[]) =>
    new Set(uses.flatMap((use) => (use.version ? [`${use.engine}@${use.version}`] : [])));
  const mine = versions(cell);
  const theirs = versions(reference);
  if (mine.size === 0 || theirs.size === 0) return false;
  return [...mine].some((version) => !theirs.has(version));
}

/** Each distinct file and line once, linked at the audited commit. */
function links(
  uses: readonly ServiceUse[],
  report: Pick<Report, "repository" | "commit">,
  githubUrl: string,
): MatrixCellUse[] {
  const seen = new Set<string>();
  const result: MatrixCellUse[] = [];
  for (const use of uses) {
    const key = `${use.file}:${use.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({
      file: use.file,
      line: use.line,
      raw: use.raw,
      href: githubBlobUrl({ githubUrl, fullName: report.repository }, report.commit, use.file, use.line),
    });
  }
  return result;
}

/**
 * The service x environment matrix with links and drift flags. Rows and columns come from the
 * engine's `buildMatrix` (the same matrix the CLI and PR comment show); each cell shows one entry
 * (matrix-entries.ts) with the alternatives its files also name, and the file and line of each at
 * the audited commit.
 */
export function buildMatrixView(
  report: Pick<Report, "inventory" | "repository" | "commit">,
  githubUrl: string,
): {
  environments: Environment[];
  rows: MatrixRowView[];
} {
  const matrix = buildMatrix(report);
  const rows = matrix.rows.map((row) => {
    const uses = usesOfRow(report.inventory, row.label);
    const byEnvironment = new Map(
      matrix.environments.map((env) => [env, uses.filter((use) => use.environment === env)] as const),
    );
    // Minimums and documented versions state a version; they run nowhere, so they neither set
    // the reference nor drift from it.
    const running = (env: Environment) => (byEnvironment.get(env) ?? []).filter((use) => !isStatedOnly(use));
    const referenceEnv = REFERENCE_ORDER.find((env) => running(env).length > 0);
    const reference = referenceEnv ? running(referenceEnv) : [];
    return {
      label: row.label,
      cells: matrix.environments.map((environment) => {
        const entries = groupUses(byEnvironment.get(environment) ?? []);
        const shown = shownEntry(entries, environment === referenceEnv ? null : reference);
        const linked = (entry: UseEntry) => ({ label: entry.label, uses: links(entry.uses, report, githubUrl) });
        const drift =
          running(environment).length > 0 && environment !== referenceEnv && differs(running(environment), reference);
        return {
          environment,
          text: shown?.label ?? EMPTY_CELL,
          uses: shown ? links(shown.uses, report, githubUrl) : [],
          alternatives: entries.filter((entry) => entry !== shown).map(linked),
          drift,
        };
      }),
    };
  });
  return { environments: matrix.environments, rows };
}

export const ENVIRONMENT_LABEL: Record<Environment, string> = {
  dev: "dev",
  test: "test",
  ci: "CI",
  staging: "staging",
  prod: "prod",
};
