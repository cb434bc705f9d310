import { formatsFor } from "../../parity/formats/registry";
import type { Format } from "../../parity/types";

export interface DeployWorkflow {
  /** `.github/workflows/deploy.yml` */
  path: string;
  /** Environment the deploy job names, when it does. */
  environment: string | null;
}

/** The workflows the engine's formats recognise as deploys (jobs in `deployJobs`). */
export function deployWorkflowsFrom(files: ReadonlyMap<string, string>, formats: readonly Format[]): DeployWorkflow[] {
  const found = new Map<string, DeployWorkflow>();
  const ctx = { paths: [...files.keys()], readFile: (path: string) => files.get(path) };
  for (const [path, content] of files) {
    if (!path.startsWith(".github/workflows/")) continue;
    for (const format of formatsFor(path, formats)) {
      // `extract` must not throw, but a source must survive a format that breaks that promise.
      let jobs: { workflow: string; environment: string | null }[] = [];
      try {
        jobs = format.extract({ path, content }, ctx).deployJobs ?? [];
      } catch {
        jobs = [];
      }
      for (const job of jobs) {
        const existing = found.get(path);
        if (!existing || (!existing.environment && job.environment)) {
          found.set(path, { path, environment: job.environment });
        }
      }
    }
  }
  return [...found.values()];
}
