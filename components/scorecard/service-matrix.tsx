import { TriangleAlert } from "lucide-react";
import type { Environment } from "@/lib/parity/types";
import { Card, ScrollRegion } from "../card";
import type { MatrixRowView } from "../dashboard-types";
import { ENVIRONMENT_LABEL } from "./matrix-model";

export function ServiceMatrix({ environments, rows }: { environments: Environment[]; rows: MatrixRowView[] }) {
  const drifting = rows.reduce((count, row) => count + row.cells.filter((cell) => cell.drift).length, 0);
  return (
    <Card
      title="Services across environments"
      titleId="matrix"
      aside={rows.length > 0 ? `${drifting} ${drifting === 1 ? "cell differs" : "cells differ"} from production` : null}
    >
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">
          No backing service or runtime was found in the environment files.
        </p>
      ) : (
        <ScrollRegion label="Services table">
          <table className="w-full min-w-[40rem] text-sm">
            <caption className="sr-only">
              Each backing service per environment, one entry per cell. Cells marked “differs” do not match production;
              a cell whose files name other options lists them under its alternatives. Each entry links to its file and
              line at the audited commit.
            </caption>
            <thead className="text-left text-xs text-neutral-600 dark:text-neutral-400">
              <tr className="border-b border-neutral-200 dark:border-neutral-800">
                <th scope="col" className="px-4 py-2 font-medium">
                  service
                </th>
                {environments.map((env) => (
                  <th key={env} scope="col" className="px-3 py-2 font-medium">
                    {ENVIRONMENT_LABEL[env]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100 dark:divide-neutral-900">
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row" className="whitespace-nowrap px-4 py-2 text-left font-medium">
                    {row.label}
                  </th>
                  {row.cells.map((cell) => (
                    <td
                      key={cell.environment}
                      className={`px-3 py-2 align-top ${cell.drift ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}
                    >
                      <MatrixCell cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}

type CellView = MatrixRowView["cells"][number];

function MatrixCell({ cell }: { cell: CellView }) {
  const { text, drift, uses, alternatives } = cell;
  const first = uses[0];
  const content = (
    <>
      <span className="font-mono text-xs">{text}</span>
      {drift ? (
        <span className="ml-1.5 inline-flex items-center gap-0.5 text-xs font-medium text-amber-800 dark:text-amber-300">
          <TriangleAlert className="size-3" aria-hidden />
          differs
        </span>
      ) : null}
    </>
  );
  if (!first) return <span className="text-neutral-400 dark:text-neutral-500">{content}</span>;
  return (
    <div>
      <a
        href={first.href}
        title={`${first.raw} — ${first.file}:${first.line}`}
        className="hover:underline"
        target="_blank"
        rel="noreferrer"
      >
        {content}
      </a>
      {alternatives.length > 0 ? (
        <Alternatives cell={cell} />
      ) : uses.length > 1 ? (
        <span className="block text-xs text-neutral-600 dark:text-neutral-400">
          also <UseLinks uses={uses.slice(1)} />
        </span>
      ) : null}
    </div>
  );
}

/** Other engines the files name for this environment, folded: hover says which, expanding says where. */
function Alternatives({ cell }: { cell: CellView }) {
  const count = cell.alternatives.length;
  const others = cell.alternatives.map((entry) => entry.label).join(", ");
  const entries = [{ label: cell.text, uses: cell.uses }, ...cell.alternatives];
  return (
    <details className="mt-0.5 text-xs text-neutral-600 dark:text-neutral-400">
      <summary
        className="cursor-pointer underline decoration-dotted underline-offset-2"
        title={`Also named for ${ENVIRONMENT_LABEL[cell.environment]}: ${others}. Configuration picks one.`}
      >
        {count === 1 ? "1 alternative" : `${count} alternatives`}
      </summary>
      <p className="mt-1">
        The files name {entries.length} options for {ENVIRONMENT_LABEL[cell.environment]}; which one runs depends on
        configuration (an environment variable, a settings file).
      </p>
      <ul className="mt-1 space-y-0.5">
        {entries.map((entry) => (
          <li key={entry.label}>
            <span className="font-mono">{entry.label}</span>: <UseLinks uses={entry.uses} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function UseLinks({ uses }: { uses: CellView["uses"] }) {
  return uses.map((use, index) => (
    <span key={`${use.file}:${use.line}`}>
      {index > 0 ? ", " : null}
      <a href={use.href} className="hover:underline" target="_blank" rel="noreferrer" title={use.raw}>
        {use.file}:{use.line}
      </a>
    </span>
  ));
}
