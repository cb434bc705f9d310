/** What the add form needs from `POST /api/repos`: where the scorecard lives and which audit to watch. */
export interface AddedRepository {
  owner: string;
  name: string;
  auditId: number | null;
}

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
}

function numberOrNull(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return null;
}

/**
 * Reads the add response, flat (`{ owner, name, auditId }`) or nested
 * (`{ repository: { owner, name }, audit: { id } }`), so the form does not break on either.
 */
export function readAddResponse(body: unknown): AddedRepository | null {
  const root = record(body);
  if (!root) return null;
  const repository = record(root.repository) ?? root;
  let owner = typeof repository.owner === "string" ? repository.owner : null;
  let name = typeof repository.name === "string" ? repository.name : null;
  const fullName = typeof repository.fullName === "string" ? repository.fullName : null;
  if ((!owner || !name) && fullName?.includes("/")) [owner = null, name = null] = fullName.split("/");
  if (!owner || !name) return null;
  const audit = record(root.audit);
  const auditId = numberOrNull(root.auditId) ?? numberOrNull(audit?.id) ?? numberOrNull(repository.auditId);
  return { owner, name, auditId };
}
