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
              Each backing service per environment. Cells marked “differs” do not match production; each cell links to
              its file and line at the audited commit.
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
                      <MatrixCell text={cell.text} drift={cell.drift} uses={cell.uses} />
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

function MatrixCell({
  text,
  drift,
  uses,
}: {
  text: string;
  drift: boolean;
  uses: MatrixRowView["cells"][number]["uses"];
}) {
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
      {uses.length > 1 ? (
        <span className="block text-xs text-neutral-600 dark:text-neutral-400">
          also{" "}
          {uses.slice(1).map((use, index) => (
            <span key={`${use.file}:${use.line}`}>
              {index > 0 ? ", " : null}
              <a href={use.href} className="hover:underline" target="_blank" rel="noreferrer" title={use.raw}>
                {use.file}:{use.line}
              </a>
            </span>
          ))}
        </span>
      ) : null}
    </div>
  );
}
