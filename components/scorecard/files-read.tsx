import { ChevronRight } from "lucide-react";
import type { ClassifiedFile, Report } from "@/lib/parity/types";
import { Card, ScrollRegion } from "../card";
import { githubBlobUrl } from "../format";
import { ENVIRONMENT_LABEL } from "./matrix-model";

/**
 * Every file the audit read, the environments it was placed in, and why (`classified dev: run
 * by make start`). A wrong environment is the first thing to check when a finding looks wrong,
 * so the reason sits beside the file; the list is closed by default to keep the page short.
 */
export function FilesRead({
  report,
  githubUrl,
}: {
  report: Pick<Report, "files" | "repository" | "commit">;
  /** GitHub's web address (GITHUB_URL). */
  githubUrl: string;
}) {
  const files = [...report.files].sort((a, b) => a.path.localeCompare(b.path) || a.format.localeCompare(b.format));
  return (
    <Card titleId="files-read" title={`Files read (${files.length})`} aside="the environment each file serves, and why">
      {files.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">
          No environment definition was found: no compose file, Dockerfile, CI workflow, deploy manifest or framework
          config that Parity reads.
        </p>
      ) : (
        <details className="group">
          <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-2.5 text-sm hover:bg-neutral-50 dark:hover:bg-neutral-900/60 [&::-webkit-details-marker]:hidden">
            <ChevronRight className="size-4 shrink-0 transition-transform group-open:rotate-90" aria-hidden />
            Show the files and how each was classified
          </summary>
          <ScrollRegion label="Files read">
            <table className="w-full min-w-[40rem] text-sm">
              <caption className="sr-only">Each file read, its format, its environments and why it got them.</caption>
              <thead className="text-left text-xs text-neutral-600 dark:text-neutral-400">
                <tr className="border-y border-neutral-200 dark:border-neutral-800">
                  <th scope="col" className="px-4 py-2 font-medium">
                    file
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    format
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    environments
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    why
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100 dark:divide-neutral-900">
                {files.map((file) => (
                  // A path read by several formats is listed once per format.
                  <FileRow githubUrl={githubUrl} key={`${file.path}\u0000${file.format}`} file={file} report={report} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </details>
      )}
    </Card>
  );
}

function FileRow({
  file,
  report,
  githubUrl,
}: {
  file: ClassifiedFile;
  report: Pick<Report, "repository" | "commit">;
  githubUrl: string;
}) {
  const url = githubBlobUrl({ githubUrl, fullName: report.repository }, report.commit, file.path);
  return (
    <tr>
      <td className="px-4 py-2 font-mono text-xs break-all">
        {url ? (
          <a href={url} className="underline-offset-2 hover:underline">
            {file.path}
          </a>
        ) : (
          file.path
        )}
      </td>
      <td className="px-3 py-2 text-xs">{file.format}</td>
      <td className="px-3 py-2 text-xs whitespace-nowrap">
        {file.environments.length ? file.environments.map((env) => ENVIRONMENT_LABEL[env]).join(", ") : "none"}
      </td>
      <td className="px-3 py-2 text-xs text-neutral-600 dark:text-neutral-400">{file.reason ?? ""}</td>
    </tr>
  );
}
