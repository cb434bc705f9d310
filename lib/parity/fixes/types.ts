/**
 * Fix plans (docs/fix.md): for a finding with a mechanical remedy, the minimal text edits that
 * bring dev and CI to prod. A plan is data: the engine proposes it, verify.ts proves it with a
 * second audit, and callers (CLI, API) write it. Nothing here does I/O.
 */
import type { Finding, Report } from "../types";

/**
 * One replacement in one file: `before` is what the range holds now, so an edit applied to a
 * file that changed since is refused rather than written in the wrong place, and an edit whose
 * range already holds `after` is skipped (applying a plan twice changes nothing).
 */
export interface TextEdit {
  file: string;
  /** UTF-16 offsets into the file's content, `end` exclusive; equal for an insertion. */
  start: number;
  end: number;
  before: string;
  after: string;
}

export interface FixPlan {
  fingerprint: string;
  check: string;
  /** One sentence: what the edits do (`docker-compose.yml:12 postgres:13-alpine -> postgres:16-alpine`). */
  summary: string;
  edits: TextEdit[];
}

/** A finding left as it is, with the sentence that says why (its prose remediation still holds). */
export interface NoPlan {
  fingerprint: string;
  check: string;
  reason: string;
}

/** What a planner sees: the finding, the report it came from (its inventory) and the files. */
export interface FixContext {
  finding: Finding;
  report: Report;
  files: ReadonlyMap<string, string>;
}

export type PlannerResult = { edits: TextEdit[]; summary: string } | { reason: string };

/** One per check id (index.ts), in lib/parity/fixes/<check-id>.ts beside its table test. */
export type Planner = (context: FixContext) => PlannerResult;
