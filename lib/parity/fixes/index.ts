/** Fix plans (docs/fix.md): planners per check, verification by a second audit, the diff. */
export { unifiedDiff } from "./diff";
export { applyEdits, StaleEditError } from "./edits";
export { type FixScores, type OfferedFix, type OfferedFixes, offerFixes, scrubbedDiff } from "./offer";
export { FIX_PLANNERS, planFor } from "./registry";
export type { FixContext, FixPlan, NoPlan, Planner, PlannerResult, TextEdit } from "./types";
export { applyToSnapshot, auditCombined, combinePlans, type FixOptions, type FixOutcome, fixFindings } from "./verify";
