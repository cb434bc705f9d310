import type { Gap, Severity } from "../parity/types";
import { GAPS, SEVERITIES } from "../parity/types";
import type { FindingGain } from "./gain";

/**
 * The "Fix these first" list: every open finding of every repository the viewer sees, ranked by
 * what fixing it adds to its repository's overall score, then to its own gap, then by severity.
 * Filters come from the page's URL (`?gap=tools&severity=high`), so a filtered list is a link.
 */

export interface RepositoryGains {
  fullName: string;
  owner: string;
  name: string;
  gains: readonly FindingGain[];
}

export interface RankedFinding extends FindingGain {
  repository: { fullName: string; owner: string; name: string };
}

export interface FixFirstFilters {
  gap: Gap | null;
  severity: Severity | null;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Unknown values are ignored (the list shows everything), never an error page. */
export function parseFilters(params: Record<string, string | string[] | undefined>): FixFirstFilters {
  const gap = one(params.gap);
  const severity = one(params.severity);
  return {
    gap: GAPS.includes(gap as Gap) ? (gap as Gap) : null,
    severity: SEVERITIES.includes(severity as Severity) ? (severity as Severity) : null,
  };
}

export function rankFindings(repositories: readonly RepositoryGains[], filters: FixFirstFilters): RankedFinding[] {
  const all: RankedFinding[] = [];
  for (const { gains, ...repository } of repositories) {
    for (const gain of gains) {
      if (filters.gap && gain.finding.gap !== filters.gap) continue;
      if (filters.severity && gain.finding.severity !== filters.severity) continue;
      all.push({ ...gain, repository });
    }
  }
  return all.sort(
    (a, b) =>
      (b.gain.overall ?? 0) - (a.gain.overall ?? 0) ||
      b.exactOverall - a.exactOverall ||
      (b.gain[b.finding.gap] ?? 0) - (a.gain[a.finding.gap] ?? 0) ||
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      a.repository.fullName.localeCompare(b.repository.fullName) ||
      a.finding.message.localeCompare(b.finding.message),
  );
}
