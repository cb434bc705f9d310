import type { Check } from "./types";

/** What renderers need of a check: everything but its `run`. */
export type CheckMeta = Omit<Check, "run">;

/**
 * The engine's own check: files that could not be read. It is not in the checks registry because
 * the engine, not a rule over the inventory, produces it.
 */
export const PARSE_ERROR_CHECK: CheckMeta = {
  id: "parse-error",
  gap: "tools",
  severity: "low",
  level: null,
  title: "A file could not be read",
  rationale:
    "Parity reads environment definitions to compare them. A file it cannot parse (or had to skip) is a blind spot: the services it defines are missing from the comparison, so a real difference may go unreported.",
  remediation:
    "Fix the syntax error at the reported line (the tool that consumes the file would reject it too), or list the path under `environments.ignore` in .parity.yml if it is not an environment definition.",
};

export function toCheckMeta(check: CheckMeta): CheckMeta {
  return {
    id: check.id,
    gap: check.gap,
    severity: check.severity,
    level: check.level,
    title: check.title,
    rationale: check.rationale,
    remediation: check.remediation,
  };
}
