import { ALL_CHECKS } from "../checks/index";
import { FORMATS } from "../formats/index";
import type { Check, Format, ParityConfig, Report, RepoSnapshot } from "../types";
import { runAudit } from "./audit-core";
import { scoreReport } from "./score";

export interface AuditOptions {
  /** Defaults to the FORMATS registry. */
  formats?: readonly Format[];
  /** Defaults to ALL_CHECKS. */
  checks?: readonly Check[];
}

/**
 * Audits a repository snapshot. `config` null reads `.parity.yml` from the snapshot; `now` is
 * the clock (the engine never reads one). Never throws for anything a repository contains.
 */
export function audit(
  snapshot: RepoSnapshot,
  config: ParityConfig | null,
  now: Date,
  options: AuditOptions = {},
): Report {
  const checks = options.checks ?? ALL_CHECKS;
  return runAudit(snapshot, config, now, {
    formats: options.formats ?? FORMATS,
    checks,
    // Levels are judged against the checks that ran, so a custom check list gets coherent levels.
    score: (results, findings, sides) => scoreReport(results, findings, checks, sides),
  });
}
