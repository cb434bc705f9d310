import { redactText } from "../parity/redact";
import type { Severity } from "../parity/types";
import { summaryLine } from "./comment";
import type { PrDelta } from "./delta";

/**
 * The "Parity" check run: a conclusion from a configurable gate and one annotation per location
 * of every new finding, at its exact file and line. GitHub takes 50 annotations per request, so
 * the publisher (publish.ts) sends them in batches; none is dropped.
 */

export const CHECK_NAME = "Parity";
export const ANNOTATIONS_PER_REQUEST = 50;

/** Fail on new findings of this severity or worse; `none` never fails. */
export type CheckGate = "high" | "medium" | "low" | "none";

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  title: string;
  message: string;
}

export interface CheckOutput {
  conclusion: "success" | "failure";
  title: string;
  summary: string;
  annotations: Annotation[];
}

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };
const GATE_RANK: Record<CheckGate, number> = { high: 3, medium: 2, low: 1, none: Number.POSITIVE_INFINITY };
const LEVEL: Record<Severity, Annotation["annotation_level"]> = {
  high: "failure",
  medium: "warning",
  low: "notice",
  info: "notice",
};

export function gateFails(delta: PrDelta, gate: CheckGate): boolean {
  return delta.newFindings.some((f) => RANK[f.severity] >= GATE_RANK[gate]);
}

/** Annotations for the new findings' evidence in files the head has (GitHub rejects others). */
export function annotationsFor(delta: PrDelta, headPaths: ReadonlySet<string>): Annotation[] {
  const out: Annotation[] = [];
  const seen = new Set<string>();
  for (const finding of delta.newFindings) {
    for (const evidence of finding.evidence) {
      if (!evidence.file || !headPaths.has(evidence.file)) continue;
      const line = Math.max(1, evidence.line);
      const key = `${finding.fingerprint}|${evidence.file}|${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const value = evidence.value ? ` (${evidence.value})` : "";
      out.push({
        path: evidence.file,
        start_line: line,
        end_line: line,
        annotation_level: LEVEL[finding.severity],
        title: redactText(`${finding.title} [${finding.severity}]`).slice(0, 255),
        message: redactText(`${finding.message}${value}`).slice(0, 64_000),
      });
    }
  }
  return out;
}

export function renderCheckOutput(delta: PrDelta, headPaths: ReadonlySet<string>, gate: CheckGate): CheckOutput {
  const fails = gateFails(delta, gate);
  const annotations = annotationsFor(delta, headPaths);
  const gateText =
    gate === "none"
      ? "This check does not fail on findings."
      : `This check fails on new findings of severity ${gate}${gate === "high" ? "" : " or worse"}.`;
  const summary = [
    summaryLine(delta),
    "",
    `${delta.newFindings.length} new, ${delta.resolvedFindings.length} resolved, ${annotations.length} annotated locations. ${gateText}`,
  ].join("\n");
  return {
    conclusion: fails ? "failure" : "success",
    title: redactText(summaryLine(delta)).slice(0, 255),
    summary: redactText(summary),
    annotations,
  };
}

/** Splits annotations into request-sized batches; an empty list still makes one (empty) batch. */
export function annotationBatches(annotations: readonly Annotation[]): Annotation[][] {
  if (!annotations.length) return [[]];
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  return batches;
}
