import type { CheckMeta } from "../check-meta";
import type { Evidence, Finding, Report, Severity } from "../types";
import { metaIndex, type RenderOptions } from "./meta";

/*
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), as GitHub
 * code scanning reads it: rules from the checks' metadata, one result per finding, the first
 * evidence as the location and the rest as related locations, suppressions kept as such.
 */

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

type SarifLevel = "error" | "warning" | "note";

const LEVEL: Record<Severity, SarifLevel> = { high: "error", medium: "warning", low: "note", info: "note" };

function uri(path: string): string {
  return encodeURI(path);
}

function physical(evidence: Evidence) {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri(evidence.file), uriBaseId: "%SRCROOT%" },
      region: { startLine: Math.max(1, evidence.line) },
    },
  };
}

function rule(id: string, meta: CheckMeta | undefined, fallbackTitle: string) {
  const title = meta?.title ?? fallbackTitle;
  const result: Record<string, unknown> = {
    id,
    name: id,
    shortDescription: { text: title },
    defaultConfiguration: { level: meta ? LEVEL[meta.severity] : "warning" },
    properties: { tags: ["parity", ...(meta ? [meta.gap] : [])], ...(meta ? { gap: meta.gap } : {}) },
  };
  if (meta) {
    result.fullDescription = { text: meta.rationale };
    result.help = { text: meta.remediation, markdown: meta.remediation };
  }
  return result;
}

function result(finding: Finding, ruleIndex: number) {
  // History evidence (deploy metrics) has no file: a result may go without a location.
  const [first, ...rest] = finding.evidence.filter((evidence) => evidence.file !== "");
  const sarif: Record<string, unknown> = {
    ruleId: finding.check,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    partialFingerprints: { "parity/v1": finding.fingerprint },
    properties: {
      severity: finding.severity,
      gap: finding.gap,
      ...(finding.service ? { service: finding.service } : {}),
      environments: finding.environments ?? [],
    },
  };
  if (first) sarif.locations = [physical(first)];
  if (rest.length > 0) {
    sarif.relatedLocations = rest.map((evidence, index) => ({
      id: index + 1,
      ...physical(evidence),
      message: { text: evidence.environment ? `${evidence.environment}: ${evidence.value}` : evidence.value },
    }));
  }
  if (finding.suppressed) {
    sarif.suppressions = [
      { kind: "external", status: "accepted", justification: finding.suppressionReason ?? "suppressed in .parity.yml" },
    ];
  }
  return sarif;
}

/** The report as a SARIF 2.1.0 log (JSON text). */
export function toSarif(report: Report, options: RenderOptions = {}): string {
  const metas = metaIndex(options.checks);
  const ruleIds = [...new Set([...report.checks.map((check) => check.id), ...report.findings.map((f) => f.check)])];
  const titles = new Map(report.findings.map((finding) => [finding.check, finding.title]));
  const rules = ruleIds.map((id) => rule(id, metas.get(id), titles.get(id) ?? id));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Parity",
            semanticVersion: report.engineVersion,
            rules,
          },
        },
        results: report.findings.map((finding) => result(finding, ruleIds.indexOf(finding.check))),
        properties: {
          repository: report.repository,
          commit: report.commit,
          auditedAt: report.auditedAt,
          scores: report.scores,
          level: report.level,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
