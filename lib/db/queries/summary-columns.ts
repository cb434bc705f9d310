import { alias } from "drizzle-orm/pg-core";
import { audits, repositories } from "../schema";

/**
 * One repository's overview row, as columns: the repository, its latest completed audit (scores,
 * level, worst finding) and its last audit of any outcome (a failure's reason). Shared by the
 * whole-list query (dashboard.ts) and the paged overview (overview-page.ts), joined the same way:
 * `latest` on `repositories.latest_audit_id`, `last` on `repositories.last_audit_id`.
 */
export const latest = alias(audits, "latest");
export const last = alias(audits, "last");

export const SUMMARY_COLUMNS = {
  id: repositories.id,
  fullName: repositories.fullName,
  owner: repositories.owner,
  name: repositories.name,
  isPrivate: repositories.isPrivate,
  historyStatus: repositories.historyStatus,
  level: latest.level,
  scoreOverall: latest.scoreOverall,
  scoreTools: latest.scoreTools,
  scoreTime: latest.scoreTime,
  scorePersonnel: latest.scorePersonnel,
  worstTitle: latest.worstTitle,
  worstSeverity: latest.worstSeverity,
  lastAuditAt: latest.finishedAt,
  commitSha: latest.commitSha,
  lastAuditStatus: last.status,
  lastAuditError: last.error,
};
